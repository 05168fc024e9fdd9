#!/usr/bin/env node
// `npm run serve -- …`: main/serve/main.ts, run from its compiled form in out/node, which is rebuilt
// first when a source has changed (scripts/build-node.mjs). Its log's stacks point into the sources.
import { runCompiled } from '../scripts/build-node.mjs';

await runCompiled('serve', { sourceMaps: true });
