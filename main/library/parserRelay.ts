/**
 * A parser process lent by the thread that owns the index worker. Inside Electron the index worker
 * (a worker thread) can neither fork a Node child (RunAsNode is off) nor use Electron's modules, so
 * the main process starts the parser as a utility process and relays its messages: the worker's
 * Parser drives it through relayLauncher, the Indexer answers with serveParserRelay.
 */
import type { ParseReply, ParseRequest } from './parseWorker.ts';
import type { ParserChild, ParserExit, ParserLauncher } from './parser.ts';

/** From the worker to the thread that lends the process. */
export type RelayRequest =
  | { type: 'parser'; id: number; op: 'start'; env: Record<string, string>; execArgv: string[] }
  | { type: 'parser'; id: number; op: 'send'; request: ParseRequest }
  | { type: 'parser'; id: number; op: 'kill' };

/** Back to the worker. */
export type RelayEvent =
  | { type: 'parser'; id: number; event: 'spawn'; pid: number | undefined }
  | { type: 'parser'; id: number; event: 'message'; reply: ParseReply }
  | { type: 'parser'; id: number; event: 'exit'; exit: ParserExit };

interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
}

const isRelayEvent = (m: unknown): m is RelayEvent => (m as { type?: unknown } | null)?.type === 'parser';

/** In the index worker: starts parser processes through the owner of `port`. */
export function relayLauncher(port: Port): ParserLauncher {
  let nextId = 1;
  const children = new Map<number, { pid: number | undefined; onMessage: (r: ParseReply) => void; onExit: (e: ParserExit) => void }>();
  port.on('message', (m) => {
    if (!isRelayEvent(m)) return;
    const child = children.get(m.id);
    if (!child) return;
    if (m.event === 'spawn') child.pid = m.pid;
    else if (m.event === 'message') child.onMessage(m.reply);
    else {
      children.delete(m.id);
      child.onExit(m.exit);
    }
  });
  return ({ env, execArgv }) => {
    const id = nextId++;
    const state = { pid: undefined as number | undefined, onMessage: (_: ParseReply) => {}, onExit: (_: ParserExit) => {} };
    children.set(id, state);
    const post = (m: RelayRequest) => port.postMessage(m);
    post({ type: 'parser', id, op: 'start', env, execArgv });
    return {
      get pid() {
        return state.pid;
      },
      send: (request) => post({ type: 'parser', id, op: 'send', request }),
      kill: () => post({ type: 'parser', id, op: 'kill' }),
      onMessage: (listener) => (state.onMessage = listener),
      onExit: (listener) => (state.onExit = listener),
    } satisfies ParserChild;
  };
}

/** In the lending thread: answers a worker's relay requests with processes from `launch`. Returns true for a relay message. */
export function serveParserRelay(launch: ParserLauncher, post: (m: RelayEvent) => void): (m: unknown) => boolean {
  const children = new Map<number, ParserChild>();
  return (m) => {
    if ((m as { type?: unknown } | null)?.type !== 'parser') return false;
    const req = m as RelayRequest;
    if (req.op === 'start') {
      const child = launch({ env: req.env, execArgv: req.execArgv });
      children.set(req.id, child);
      child.onMessage((reply) => post({ type: 'parser', id: req.id, event: 'message', reply }));
      child.onExit((exit) => {
        children.delete(req.id);
        post({ type: 'parser', id: req.id, event: 'exit', exit });
      });
      // The pid comes once the process runs; the worker needs it to read /proc.
      const tell = () => {
        if (!children.has(req.id)) return;
        if (child.pid === undefined) setTimeout(tell, 10);
        else post({ type: 'parser', id: req.id, event: 'spawn', pid: child.pid });
      };
      tell();
    } else if (req.op === 'send') children.get(req.id)?.send(req.request);
    else children.get(req.id)?.kill();
    return true;
  };
}
