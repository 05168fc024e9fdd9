import type { EventName, Events, Result } from '../../common/contract.ts';
import type { ReadContext } from '../library/readPool.ts';
import { createLogger } from '../library/log.ts';
import { isTrustedSender, schemeOf, type SenderInfo } from './origin.ts';

const log = createLogger('ipc');

export type Dispatch = (name: unknown, raw: unknown, context?: ReadContext) => Promise<Result<unknown>>;

/**
 * One IPC request, as ipc.ts hands it over: first the sender (our origin, top frame), then
 * `dispatch` checks the name and parses the input. A refused sender never reaches a handler.
 */
export async function answerRequest(
  dispatch: Dispatch,
  sender: SenderInfo | null,
  name: unknown,
  input: unknown,
  devOrigin: string | null = null,
): Promise<Result<unknown>> {
  if (!isTrustedSender(sender, devOrigin)) {
    log.warn('request from an untrusted frame refused', { isMainFrame: sender?.isMainFrame ?? null, scheme: schemeOf(sender?.url) });
    return { ok: false, error: { code: 'forbidden', message: 'Requests are answered only for the Offprint window itself.' } };
  }
  return dispatch(name, input, { channel: sender?.window === undefined ? undefined : `window ${sender.window}` });
}

/** What travels on IPC_EVENT_CHANNEL: the event's name and its payload, nothing else. */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: Events[E];
}

export function eventMessage<E extends EventName>(event: E, payload: Events[E]): EventMessage<E> {
  return { event, payload };
}
