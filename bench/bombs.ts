/**
 * The bombs part of the benchmark (`npm run bench -- --bombs`, and in every --quick run): the import time of
 * three bomb patterns (test/fixtures/bombs) at 1×, 2× and 4× a base size, each file imported alone in a fresh
 * process (test/hardening/importBomb.ts). 4× is the size issue 15 measured. CPU time is the measure, as a busy
 * machine changes it far less than wall time; a linear importer shows ratios near 2 and 4 (a little below, as
 * a fixed cost is shared), a quadratic one near 4 and 16.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBomb } from '../test/fixtures/bombs/generate.ts';
import type { BombOutcome } from '../test/hardening/importBomb.ts';

export const BENCH_BOMBS = [
  { pattern: 'autolinks', base: 0.25 },
  { pattern: 'entities-html', base: 0.25 },
  { pattern: 'nested-divs', base: 0.25 },
] as const;
const SCALES = [1, 2, 4] as const;

export interface BombRun {
  pattern: string;
  scale: number;
  mb: number;
  cpu_s: number;
  wall_s: number;
  peak_rss_mb: number | null;
  ok: boolean;
}

export interface BombsResult {
  runs: BombRun[];
  /** CPU time at 2× and 4× over that at 1×, per pattern. */
  ratios: Record<string, { x2: number; x4: number }>;
}

const RUNNER = fileURLToPath(new URL('../test/hardening/importBomb.ts', import.meta.url));

function importOnce(file: string, sentence: string): BombOutcome {
  const r = spawnSync(process.execPath, ['--import', 'tsx', RUNNER, file, sentence], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`importing ${file} failed (${r.status ?? r.signal}): ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as BombOutcome;
}

export function measureBombs(work: string, log: (msg: string) => void = () => undefined): BombsResult {
  const dir = join(work, 'bombs');
  mkdirSync(dir, { recursive: true });
  const runs: BombRun[] = [];
  const ratios: BombsResult['ratios'] = {};
  try {
    for (const { pattern, base } of BENCH_BOMBS) {
      const cpu: number[] = [];
      for (const scale of SCALES) {
        const bomb = makeBomb(pattern, base * scale);
        const file = join(dir, bomb.file);
        writeFileSync(file, bomb.content);
        const o = importOnce(file, bomb.sentence);
        rmSync(file, { force: true });
        runs.push({
          pattern,
          scale,
          mb: Number((o.bytes / 1e6).toFixed(2)),
          cpu_s: o.cpuMs / 1000,
          wall_s: o.wallMs / 1000,
          peak_rss_mb: o.peakRssMb,
          ok: o.ok && o.hasSentence,
        });
        cpu.push(o.cpuMs);
        log(`bombs: ${pattern} ${scale}× (${(o.bytes / 1e6).toFixed(2)} MB): ${o.cpuMs} ms CPU, peak ${o.peakRssMb} MB`);
      }
      const one = Math.max(cpu[0]!, 1);
      ratios[pattern] = { x2: Number((cpu[1]! / one).toFixed(2)), x4: Number((cpu[2]! / one).toFixed(2)) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs, ratios };
}

export function renderBombs(result: BombsResult): string {
  const lines = [
    'bombs (import CPU seconds, one file in a fresh process; ratio to 1×)',
    'pattern          1×              2×              4×              ratios',
  ];
  for (const { pattern } of BENCH_BOMBS) {
    const cells = SCALES.map((scale) => {
      const r = result.runs.find((x) => x.pattern === pattern && x.scale === scale);
      return (r ? `${r.cpu_s.toFixed(2)} s ${r.mb} MB${r.ok ? '' : ' !'}` : '-').padEnd(16);
    });
    const ratio = result.ratios[pattern];
    lines.push(`${pattern.padEnd(17)}${cells.join('')}${ratio ? `×${ratio.x2} ×${ratio.x4}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
