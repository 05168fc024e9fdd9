/**
 * `npm run fuzz`: long fast-check runs of the properties the unit tests run briefly.
 *   query  — every translated search query runs against a real index without error, user text always quoted
 *   find   — an article holding every word of a generated query is found by it
 *   import — importBytes never throws on random bytes, markup soup and mutated real files
 * Options: --runs N (query and import inputs, default 100000), --find-runs N (default 5000),
 *          --seed S (default: the clock; printed, so a failure can be replayed), --only query|find|import
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { checkImport, importInput, loadSeeds } from '../test/fuzz/importFuzz.ts';
import { checkFound, checkQueryRuns, findCase, queryText } from '../test/fuzz/queryFuzz.ts';
import { syncFolders } from '../main/library/sync.ts';
import { tempLibrary } from '../main/library/testing.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const runs = Number(option('runs') ?? 100_000);
const findRuns = Number(option('find-runs') ?? 5_000);
const seed = Number(option('seed') ?? Date.now() % 2 ** 31);
const only = option('only');

interface Outcome {
  name: string;
  inputs: number;
  ms: number;
  failure: string | null;
}

function run<T>(name: string, arb: fc.Arbitrary<T>, numRuns: number, check: (value: T) => void): Outcome {
  let inputs = 0;
  const start = performance.now();
  const details = fc.check(
    fc.property(arb, (value) => {
      inputs++;
      if (inputs % 10_000 === 0) process.stderr.write(`  ${name}: ${inputs} inputs\n`);
      check(value);
    }),
    { seed, numRuns },
  );
  const failure = details.failed
    ? `counterexample ${JSON.stringify(details.counterexample, (_, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes: ${Buffer.from(v.subarray(0, 64)).toString('hex')}…>` : v)).slice(0, 2000)}\n${String(details.errorInstance ?? '').slice(0, 2000)}\nreplay: --seed ${seed} (path ${details.counterexamplePath ?? '?'})`
    : null;
  return { name, inputs, ms: performance.now() - start, failure };
}

const outcomes: Outcome[] = [];
console.log(`fuzzing with seed ${seed}`);

if (!only || only === 'query' || only === 'find') {
  const lib = tempLibrary();
  try {
    lib.write(
      'seed.txt',
      'Seed article\nBy Ada Runner\n\nThe quick brown fox. Café in Zürich, 東京タワー, ภาษาไทย, ΟΔΟΣ, \u2067عربي\u2069. NEAR AND OR NOT title author.',
    );
    lib.write(
      'wiki.md',
      '---\ntitle: "Runners of the mountain"\ndate: "2019-01-04"\n---\nThe runners were running a long run; rerun the route.',
    );
    syncFolders(lib.db, [{ key: 'seed', root: join(lib.dir, 'articles') }]);
    if (!only || only === 'query') outcomes.push(run('query', queryText, runs, (q) => checkQueryRuns(lib.db, q)));
  } finally {
    lib.cleanup();
  }
  if (!only || only === 'find') {
    const findLib = tempLibrary();
    try {
      outcomes.push(run('find', findCase, findRuns, (c) => checkFound(findLib, c)));
    } finally {
      findLib.cleanup();
    }
  }
}
if (!only || only === 'import')
  outcomes.push(run('import', importInput(loadSeeds()), runs, ({ path, bytes }) => void checkImport(path, bytes)));

let total = 0;
for (const o of outcomes) {
  total += o.inputs;
  console.log(`${o.name}: ${o.inputs} inputs in ${(o.ms / 1000).toFixed(1)} s, ${o.failure ? 'FAILED' : 'no failure'}`);
  if (o.failure) console.log(o.failure);
}
console.log(`${total} inputs in all, ${outcomes.filter((o) => o.failure).length} failing properties`);
process.exit(outcomes.some((o) => o.failure) ? 1 : 0);
