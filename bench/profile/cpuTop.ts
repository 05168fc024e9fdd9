/**
 * Summarises a V8 .cpuprofile (from node --cpu-prof) into the functions with the most self time,
 * grouped by function and source location, so a report can name where the time goes.
 * Usage: node --import tsx bench/profile/cpuTop.ts <file.cpuprofile> [top=25]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const REPO = new URL('../../', import.meta.url).href;

export interface HotFunction {
  fn: string;
  where: string;
  self_ms: number;
  pct: number;
}

export function topFunctions(path: string, top = 25): { total_ms: number; top: HotFunction[] } {
  const prof = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  prof.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    // tsx compiles each module to one line, so the file names the place; line numbers would not.
    const file = url.startsWith(REPO) ? url.slice(REPO.length) : url;
    const key = `${functionName || '(anonymous)'}\t${file}${file && lineNumber > 0 ? `:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0) / 1000);
  });
  const total = (prof.endTime - prof.startTime) / 1000;
  const rows = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, t]) => {
      const [fn, where] = key.split('\t') as [string, string];
      return { fn, where, self_ms: Math.round(t), pct: Math.round((t / total) * 1000) / 10 };
    });
  return { total_ms: Math.round(total), top: rows };
}

/**
 * node --cpu-prof writes one profile per thread; with tsx one of them is the module-loader thread,
 * idle nearly all the time. The busiest profile is the main thread.
 */
export function busiestProfile(dir: string): string | null {
  let best: { path: string; busy: number } | null = null;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const path = join(dir, name);
    const prof = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    const idle = new Set(prof.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    const busy = prof.samples.reduce((s, id, i) => s + (idle.has(id) ? 0 : (prof.timeDeltas[i] ?? 0)), 0);
    if (!best || busy > best.busy) best = { path, busy };
  }
  return best?.path ?? null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cpuTop.ts <file.cpuprofile> [top]');
  const { total_ms, top } = topFunctions(file, Number(process.argv[3] ?? 25));
  console.log(`total ${total_ms} ms`);
  for (const r of top) console.log(`${String(r.self_ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.fn}  ${r.where}`);
}
