import {
  eventNames,
  requestNames,
  type EventName,
  type Events,
  type FilesAdded,
  type OffprintBridge,
  type RequestName,
  type Requests,
  type Result,
} from '../../common/contract';

/** Answers that mean the page has no (valid) session: a tab opened without the printed address. */
const NO_SESSION: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This tab has no Offprint session; open the address printed by `npm run serve` again.' },
};

/**
 * The serve-mode transport: the same contract as the preload's window.offprint, over HTTP to the
 * loopback server. Every request carries the session token in a header (never a cookie, which the
 * browser would also send to other programs' ports on 127.0.0.1) and is JSON; events come down one
 * long fetch response, since EventSource cannot send a header.
 */
export function httpBridge(token: string | null, base = ''): OffprintBridge {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  // X-Offprint-Window names this page load, so the server cancels its superseded searches (not another tab's).
  const headers = { 'Content-Type': 'application/json', 'X-Offprint-Token': token ?? '', 'X-Offprint-Window': crypto.randomUUID() };
  let isListening = false;
  const deliver = (data: string) => {
    const { event, payload } = JSON.parse(data) as { event: EventName; payload: never };
    if (!(eventNames as readonly string[]).includes(event)) return;
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const listen = async (): Promise<void> => {
    for (let delay = 500; ; delay = Math.min(delay * 2, 10_000)) {
      try {
        const res = await fetch(`${base}/api/events`, { method: 'POST', headers, body: '{}', credentials: 'omit' });
        if (res.status === 401 || res.status === 403) return;
        if (res.ok && res.body) {
          delay = 500;
          await readEvents(res.body, deliver);
        }
      } catch {
        // The server is gone for now (restarting, or stopped): try again below, more slowly each time.
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  };
  const request = async (name: RequestName, input: unknown): Promise<Result<unknown>> => {
    if (token === null) return NO_SESSION;
    try {
      const res = await fetch(`${base}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
      });
      if (res.status === 401 || res.status === 403) return NO_SESSION;
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'Offprint is not answering; is `npm run serve` still running?' } };
    }
  };
  const bridge = Object.fromEntries(
    requestNames.map((name) => [name, (input: unknown) => request(name, input)]),
  ) as unknown as OffprintBridge;
  // The file goes as the body itself (streamed from disk by the browser), typed application/octet-stream,
  // which no form or no-cors request can send (main/serve/guard.ts).
  bridge.upload = async (file: unknown, name: string): Promise<Result<FilesAdded>> => {
    if (token === null) return NO_SESSION;
    try {
      const res = await fetch(`${base}/upload?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/octet-stream' },
        body: file as Blob,
        credentials: 'omit',
      });
      if (res.status === 401) return NO_SESSION;
      return (await res.json()) as Result<FilesAdded>;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: `${name} could not be sent; is \`npm run serve\` still running?` } };
    }
  };
  bridge.on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
    if (!isListening && token !== null) {
      isListening = true;
      void listen();
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  };
  return bridge;
}

export type { Requests };

/** Reads a text/event-stream body and hands each event's data to `deliver`. */
async function readEvents(body: ReadableStream<Uint8Array>, deliver: (data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const message = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = message
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data !== '') deliver(data);
    }
  }
}
