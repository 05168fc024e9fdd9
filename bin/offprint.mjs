#!/usr/bin/env node
// `offprint index|search|show …` (also `npm run cli -- …`): main/cli.ts, run from its compiled form in
// out/node, which is rebuilt first when a source has changed (scripts/build-node.mjs).
import { runCompiled } from '../scripts/build-node.mjs';

await runCompiled('cli', { sourceMaps: process.argv.includes('--debug') });
