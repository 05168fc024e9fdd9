import type { RequestName, Requests, Result } from '../../common/contract.ts';
import { createLogger } from '../library/log.ts';
import { queryClass } from '../library/query/queryClass.ts';
import type { Deps } from './deps.ts';
import { OffprintError } from '../library/errors.ts';
import type { ReadContext } from '../library/readPool.ts';
import { isReadRequest } from '../library/reads.ts';
import { storageErrorCode } from './errors.ts';
import { handlers } from './handlers.ts';
import { describeIssues, requestSchemas as schemas } from '../../common/schemas.ts';

const log = createLogger('api');
/** Requests slower than this are logged: people notice a wait past about 50 ms while typing. */
const SLOW_MS = 50;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(handlers, name) && Object.hasOwn(schemas, name);
}

/**
 * The one entrance for every transport (IPC, the loopback server, tests): checks the name, parses
 * the input, runs the handler, and turns every failure into an error value.
 */
export async function dispatch(name: unknown, raw: unknown, deps: Deps, context: ReadContext = {}): Promise<Result<unknown>> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown-request', message: `Unknown request “${String(name).slice(0, 100)}”.` } };
  }
  const parsed = schemas[name].safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: `${name}: ${describeIssues(parsed.error)}` } };
  const started = performance.now();
  try {
    const run = handlers[name] as (input: unknown, deps: Deps) => unknown;
    const value = await (deps.reads?.isAvailable && isReadRequest(name)
      ? deps.reads.run(name, parsed.data, context)
      : run(parsed.data, deps));
    const ms = performance.now() - started;
    if (ms > SLOW_MS)
      log.warn('slow request', {
        name,
        ms: Math.round(ms),
        ...(name === 'search.query' ? { class: queryClass((parsed.data as { q: string }).q) } : {}),
      });
    return { ok: true, value };
  } catch (err) {
    if (err instanceof OffprintError) return { ok: false, error: { code: err.code, message: err.message } };
    const storage = storageErrorCode(err);
    if (storage === 'disk-full')
      return { ok: false, error: { code: storage, message: 'The disk is full; free some space. Reading and searching still work.' } };
    if (storage === 'read-only')
      return {
        ok: false,
        error: { code: storage, message: 'The data folder is read-only, so this could not be saved. Reading and searching still work.' },
      };
    log.error('request failed', { name, message: (err as Error).message, stack: (err as Error).stack });
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Offprint; the details are in its log.' } };
  }
}

export type TypedDispatch = <K extends RequestName>(name: K, input: Requests[K]['in']) => Promise<Result<Requests[K]['out']>>;
