import {
  eventNames,
  requestNames,
  type EventName,
  type Events,
  type OffprintBridge,
  type RequestName,
  type Requests,
  type Result,
} from '../../common/contract';

/**
 * The serve-mode transport: the same contract as the preload's window.offprint, over HTTP to the
 * loopback server (the token travels as an HttpOnly cookie set by the first page load).
 */
export function httpBridge(base = ''): OffprintBridge {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.addEventListener('message', (e) => {
      const { event, payload } = JSON.parse((e as MessageEvent<string>).data) as { event: EventName; payload: never };
      if (!(eventNames as readonly string[]).includes(event)) return;
      for (const l of listeners.get(event) ?? []) l(payload);
    });
  };
  const request = async (name: RequestName, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      if (res.status === 401 || res.status === 403)
        return {
          ok: false,
          error: { code: 'forbidden', message: 'The session has expired; open the address printed by `npm run serve` again.' },
        };
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'Offprint is not answering; is `npm run serve` still running?' } };
    }
  };
  const bridge = Object.fromEntries(
    requestNames.map((name) => [name, (input: unknown) => request(name, input)]),
  ) as unknown as OffprintBridge;
  bridge.on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
    connect();
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  };
  return bridge;
}

export type { Requests };
