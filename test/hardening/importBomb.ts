/**
 * Imports one file in this fresh process and prints one JSON line: the CPU time importBytes took (user +
 * system, which a busy machine barely changes), the process's peak resident memory (VmHWM) and the outcome.
 * Used by main/library/import/bombs.test.ts and bench/bombs.ts:
 *   node --import tsx test/hardening/importBomb.ts <file> [sentence]
 */
import { readFileSync } from 'node:fs';
import { importBytes } from '../../main/library/import/importFile.ts';
import { documentText } from '../../main/library/text/blocks.ts';

export interface BombOutcome {
  bytes: number;
  cpuMs: number;
  wallMs: number;
  peakRssMb: number | null;
  ok: boolean;
  reason: string | null;
  hasSentence: boolean;
}

function peakRssMb(): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/mu.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

const [file, sentence = ''] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: importBomb.ts <file> [sentence]\n');
  process.exit(2);
}
const bytes = readFileSync(file);
const cpu = process.cpuUsage();
const start = performance.now();
const result = importBytes(file, bytes);
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
const outcome: BombOutcome = {
  bytes: bytes.length,
  cpuMs: Math.round((used.user + used.system) / 1000),
  wallMs: Math.round(wallMs),
  peakRssMb: peakRssMb(),
  ok: result.ok,
  reason: result.ok ? null : result.error.reason,
  hasSentence: result.ok && sentence !== '' && `${result.doc.title}\n${documentText(result.doc.blocks)}`.includes(sentence),
};
process.stdout.write(`${JSON.stringify(outcome)}\n`);
