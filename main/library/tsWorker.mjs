// Starts a TypeScript worker under tsx (for the CLI, serve mode and tests, which run sources directly).
// Node 20 does not pass `--import` loaders on to worker threads, so the worker registers tsx itself.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
