/**
 * Hardening tests add their counts here; the test runner prints one summary line from them:
 * hostile inputs tried / executed, outside vectors tried / executed, import bombs tried / refused, fuzz inputs,
 * kills survived, corruptions recovered, records lost.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HardeningCounts {
  hostileTried?: number;
  hostileExecuted?: number;
  /** XSS vectors from outside collections (test/fixtures/xss-vectors) opened in the reader, and how many ran. */
  outsideTried?: number;
  outsideExecuted?: number;
  /** Import bombs (test/fixtures/bombs) imported, and how many were refused with a reason instead. */
  bombsTried?: number;
  bombsRefused?: number;
  fuzzInputs?: number;
  killsSurvived?: number;
  corruptionsRecovered?: number;
  recordsLost?: number;
}

export const SUMMARY_FILE = join(fileURLToPath(new URL('../..', import.meta.url)), 'out', 'test-reports', 'hardening.jsonl');

export function recordHardening(counts: HardeningCounts): void {
  mkdirSync(dirname(SUMMARY_FILE), { recursive: true });
  appendFileSync(SUMMARY_FILE, `${JSON.stringify(counts)}\n`);
}

export function readHardening(): Required<HardeningCounts> {
  const total: Required<HardeningCounts> = {
    hostileTried: 0,
    hostileExecuted: 0,
    outsideTried: 0,
    outsideExecuted: 0,
    bombsTried: 0,
    bombsRefused: 0,
    fuzzInputs: 0,
    killsSurvived: 0,
    corruptionsRecovered: 0,
    recordsLost: 0,
  };
  if (!existsSync(SUMMARY_FILE)) return total;
  for (const line of readFileSync(SUMMARY_FILE, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as HardeningCounts;
    for (const k of Object.keys(total) as (keyof HardeningCounts)[]) total[k] += c[k] ?? 0;
  }
  return total;
}
