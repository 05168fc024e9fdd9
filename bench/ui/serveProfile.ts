import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpuProfile } from '../profile/cpuTop.ts';

/**
 * Where serve's main thread spent its CPU during a UI session (from node --cpu-prof): the time under
 * each request's library call, and the busiest functions (self time) in each. A sample belongs to the
 * nearest of these functions on its stack; the rest of the non-idle time (HTTP, JSON, dispatch, the
 * start-up) is "other".
 */
const REQUESTS = new Map([
  ['getArticle', 'article.get'],
  ['searchArticles', 'search.query'],
  ['searchHighlights', 'highlights.search'],
]);

const IDLE = new Set(['(idle)', '(program)']);
const ROOT = resolve(import.meta.dirname, '..', '..');

export interface RequestCpu {
  ms: number;
  top: { fn: string; where: string; self_ms: number }[];
}

/** node --cpu-prof names files CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread. */
export function mainThreadProfile(dir: string): string | null {
  const name = readdirSync(dir).find((n) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/u.test(n));
  return name ? join(dir, name) : null;
}

function where(url: string): string {
  if (!url.startsWith('file:')) return url;
  return relative(ROOT, fileURLToPath(url));
}

export function requestCpu(path: string, top = 8): Record<string, RequestCpu> {
  const prof = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const fn = byId.get(id)?.callFrame.functionName ?? '';
    const up = parent.get(id);
    const o = REQUESTS.get(fn) ?? (up === undefined ? 'other' : ownerOf(up));
    owner.set(id, o);
    return o;
  };
  const groups = new Map<string, { ms: number; self: Map<string, number> }>();
  prof.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) return;
    const ms = (prof.timeDeltas[i] ?? 0) / 1000;
    const g = groups.get(ownerOf(id)) ?? { ms: 0, self: new Map<string, number>() };
    g.ms += ms;
    const { functionName, url } = node.callFrame;
    const key = `${(functionName || '(anonymous)').slice(0, 80)}\t${where(url)}`;
    g.self.set(key, (g.self.get(key) ?? 0) + ms);
    groups.set(ownerOf(id), g);
  });
  const out: Record<string, RequestCpu> = {};
  for (const [name, g] of [...groups.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
    out[name] = {
      ms: Math.round(g.ms),
      top: [...g.self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([key, ms]) => {
          const [fn, at] = key.split('\t') as [string, string];
          return { fn, where: at, self_ms: Math.round(ms) };
        }),
    };
  }
  return out;
}
