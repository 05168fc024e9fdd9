import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CISI test collection lives outside the repo, in shared/ (see shared/corpus/cisi/README.md). */
export const CISI_DEFAULT_DIR = fileURLToPath(new URL('../../../shared/corpus/cisi', import.meta.url));

const FILES = ['CISI.ALL', 'CISI.QRY', 'CISI.REL'] as const;

export interface CisiDoc {
  id: number;
  title: string;
  /** The abstract, paragraphs separated by a blank line, each paragraph on one line. */
  body: string;
}

export interface CisiQuery {
  id: number;
  /** The request as a person wrote it (its .W text), whitespace collapsed. */
  text: string;
}

export interface Cisi {
  docs: CisiDoc[];
  /** Only the queries that have judgments: the others cannot be scored. */
  queries: CisiQuery[];
  /** Query id → the ids of the documents judged relevant (binary). */
  relevant: Map<number, Set<number>>;
}

/** Why the collection cannot be read from `dir`, or null when it can. */
export function cisiMissing(dir: string): string | null {
  const absent = FILES.filter((f) => !existsSync(join(dir, f)));
  return absent.length === 0 ? null : `no ${absent.join(', ')} in ${dir}`;
}

/** SMART format: a record starts with `.I <id>`, and each `.X` marker line starts a field that runs to the next marker. */
function records(text: string): { id: number; fields: Map<string, string> }[] {
  const out: { id: number; fields: Map<string, string> }[] = [];
  let field: string | null = null;
  for (const line of text.split(/\r?\n/u)) {
    const marker = /^\.([A-Z])(?:\s+(\d+))?\s*$/u.exec(line);
    if (marker) {
      if (marker[1] === 'I') out.push({ id: Number(marker[2]), fields: new Map() });
      field = marker[1] === 'I' ? null : marker[1]!;
      continue;
    }
    const rec = out.at(-1);
    if (!rec || field === null) continue;
    rec.fields.set(field, `${rec.fields.get(field) ?? ''}${line}\n`);
  }
  return out;
}

const oneLine = (s: string): string => s.replace(/\s+/gu, ' ').trim();
const paragraphs = (s: string): string =>
  s
    .split(/\n[ \t]*\n/u)
    .map(oneLine)
    .filter((p) => p !== '')
    .join('\n\n');

export function loadCisi(dir: string): Cisi {
  const read = (f: string) => readFileSync(join(dir, f), 'latin1');
  const docs = records(read('CISI.ALL')).map((r) => ({
    id: r.id,
    title: oneLine(r.fields.get('T') ?? ''),
    body: paragraphs(r.fields.get('W') ?? ''),
  }));
  const relevant = new Map<number, Set<number>>();
  for (const line of read('CISI.REL').split('\n')) {
    const [q, d] = line.trim().split(/\s+/u).map(Number);
    if (!q || !d) continue;
    if (!relevant.has(q)) relevant.set(q, new Set());
    relevant.get(q)!.add(d);
  }
  // Some requests are a paper (.T title, .A authors, .B where it appeared, .W its abstract); the
  // collection's convention, kept here, is that the request is the .W text.
  const queries = records(read('CISI.QRY'))
    .filter((r) => relevant.has(r.id))
    .map((r) => ({ id: r.id, text: oneLine(r.fields.get('W') ?? '') }));
  return { docs, queries, relevant };
}
