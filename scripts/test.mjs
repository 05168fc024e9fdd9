#!/usr/bin/env node
/**
 * `npm test`: format check, typecheck, lint, then every Vitest project (unit, e2e, hardening), and one closing line
 * "N passed, N failed, N skipped" summed over all of them, since Vitest prints no such line itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'out', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let stepFailed = false;

function run(label, cmd, args) {
  process.stderr.write(`\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function step(label, cmd, args) {
  const ok = run(label, cmd, args);
  if (ok) totals.passed++;
  else {
    totals.failed++;
    stepFailed = true;
  }
}

function vitest(label, config) {
  const out = join(reports, `${label}.json`);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('--config', config);
  const exitedOk = run(label, 'npx', args);
  if (!existsSync(out)) {
    process.stderr.write(`${label}: no report was written\n`);
    totals.failed++;
    stepFailed = true;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load counts as a failure even though none of its tests ran.
  const broken = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  totals.failed += broken;
  // Vitest can exit non-zero with every test green (an unhandled error, a failed hook or teardown, a coverage
  // threshold): its report then tells nothing of it, so the exit status alone decides.
  if (!exitedOk) {
    process.stderr.write(`${label}: vitest exited with a failure status\n`);
    if (report.numFailedTests + broken === 0) totals.failed++;
    stepFailed = true;
  }
}

step('format', 'npx', ['prettier', '--check', '.']);
step('typecheck', 'npx', ['tsc', '-b']);
if (existsSync(join(root, 'eslint.config.js'))) step('lint', 'npx', ['eslint', '.']);
vitest('unit');
if (existsSync(join(root, 'vitest.e2e.config.ts'))) vitest('e2e', 'vitest.e2e.config.ts');
printHardening();

function printHardening() {
  const file = join(reports, 'hardening.jsonl');
  if (!existsSync(file)) return;
  const sum = {
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
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    for (const [k, v] of Object.entries(JSON.parse(line))) if (k in sum) sum[k] += v;
  }
  console.log(
    `hardening: hostile inputs tried ${sum.hostileTried} / executed ${sum.hostileExecuted}, ` +
      `outside vectors tried ${sum.outsideTried} / executed ${sum.outsideExecuted}, ` +
      `bombs tried ${sum.bombsTried} / refused ${sum.bombsRefused}, fuzz inputs ${sum.fuzzInputs}, ` +
      `kills survived ${sum.killsSurvived}, corruptions recovered ${sum.corruptionsRecovered}, records lost ${sum.recordsLost}`,
  );
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || stepFailed ? 1 : 0);
