/** Helpers for tests: a real migrated database in a temp folder, and article files on disk. */
import { closeSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { OpenedAsset } from './assets.ts';
import { indexMigrations } from './db/migrations/indexMigrations.ts';
import { openDatabase, type OpenOptions } from './db/open.ts';
import { updateTerms } from './db/terms.ts';
import { beginBulkWrite, putDocument } from './db/writer.ts';
import { importTxt } from './import/txt.ts';
import { toDocument } from './prepareFile.ts';

/** Titles with the letters a folded key put after z, beside their plain spellings, accents, case and punctuation. */
export const COLLATION_TITLES = [
  'Zebra',
  'Ægir',
  'Aegir',
  'Adler',
  'Æble',
  'Øresund',
  'Oslo',
  'Œuvre',
  'Oeuf',
  'Œdipe',
  'Þór',
  'Thor',
  'Straße',
  'Strasse',
  'Łódź',
  'Lodz',
  'Ludwig',
  'émile',
  'Emile',
  'emile',
  'Ángel',
  'angel',
  'Ağrı',
  'Istanbul',
  'İzmir',
  'ıspanak',
  'Dag',
  'Ðoko',
  'Z',
  'zürich',
  'Zurich',
  'über',
  'Uber',
  '10 things',
  '2 things',
  'A-ha',
  'Aha',
  'A ha',
  '(Parens)',
  'ǆungla',
  'Αθήνα',
  'Москва',
  '東京',
  'Ärger',
  'Arger',
  'Ålesund',
  'Résumé',
  'resume',
  'Resume',
  'Co-op',
  'Coop',
  'co op',
  'Wikipedia: Zoo',
  'Zoë',
  'Zoe',
  'Ł',
  'L',
];

/** Every key of a search result, sorted: the API's and the CLI's JSON must both have exactly these. */
export const SEARCH_RESULT_KEYS = ['author', 'date', 'id', 'matched', 'missing', 'path', 'score', 'snippet', 'title', 'title_segments'];

export interface TempLibrary {
  dir: string;
  db: Database;
  dbPath: string;
  write: (relpath: string, content: string | Uint8Array) => string;
  cleanup: () => void;
}

export function tempLibrary(options: OpenOptions = {}): TempLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'offprint-test-'));
  const dbPath = join(dir, 'index.db');
  const db = openDatabase(dbPath, indexMigrations, options);
  return {
    dir,
    db,
    dbPath,
    write(relpath, content) {
      const abs = join(dir, 'articles', relpath);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      return abs;
    },
    cleanup() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const FILL_WORDS = ['river', 'stone', 'light', 'north', 'glass', 'winter', 'copper', 'field', 'harbor', 'lantern', 'meadow', 'thunder'];

/**
 * Writes `count` short articles straight through the writer (no files, no parser): each says "river"
 * and a dozen more of FILL_WORDS, so a query of those words matches every one of them. 100,000 take
 * about 4 s, where a sync of as many files takes minutes.
 */
export function fillIndex(db: Database, count: number): void {
  const end = beginBulkWrite(db);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const body = Array.from({ length: 12 }, (_, k) => FILL_WORDS[(i * 7 + k * ((i % 5) + 1)) % FILL_WORDS.length]).join(' ');
      const imported = importTxt(`Entry ${i}\n\nriver ${body} number${i % 1000}\n`, `entry ${i}`);
      if (!imported.ok) throw new Error(imported.error.reason);
      const relpath = `${i}.txt`;
      const stamp = { folder: 'filled', relpath, size: 100, mtimeMs: 0, hash: String(i) };
      putDocument(db, toDocument('filled', relpath, `/filled/${relpath}`, imported.doc), stamp, false);
    }
  })();
  updateTerms(db);
  end();
}

/** What openAsset opened, read (and its descriptor closed), or null when it refused. */
export function assetBytes(asset: OpenedAsset | null): Buffer | null {
  if (!asset) return null;
  if ('bytes' in asset) return Buffer.from(asset.bytes);
  try {
    return readFileSync(asset.fd);
  } finally {
    closeSync(asset.fd);
  }
}
