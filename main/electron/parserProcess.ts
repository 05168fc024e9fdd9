import type { UtilityProcess } from 'electron';
import type { ParseReply } from '../library/parseWorker.ts';
import type { ParserExit, ParserLauncher } from '../library/parser.ts';

/** Electron's utilityProcess.fork, handed in by index.ts (the only module here that imports Electron values). */
export type UtilityFork = (modulePath: string, args: string[], options: Electron.ForkOptions) => UtilityProcess;

/**
 * Starts the parser (out/main/parseWorker.js) as an Electron utility process: the app's equivalent of
 * the child the library forks under plain Node, lent to the index worker through the Indexer.
 */
export function utilityParser(fork: UtilityFork, entry: string): ParserLauncher {
  return ({ env, execArgv }) => {
    const child = fork(entry, [], {
      env: { ...process.env, ...env },
      execArgv,
      stdio: ['ignore', 'ignore', 'pipe'],
      serviceName: 'Offprint parser',
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (s: string) => (stderr = (stderr + s).slice(-8192)));
    return {
      get pid() {
        return child.pid;
      },
      send: (request) => child.postMessage(request),
      // SIGKILL: a parser stuck in a loop gets no chance to linger.
      kill: () => (child.pid === undefined ? child.kill() : process.kill(child.pid, 'SIGKILL')),
      onMessage: (listener) => child.on('message', (reply: ParseReply) => listener(reply)),
      onExit: (listener: (exit: ParserExit) => void) => child.once('exit', (code) => listener({ code, signal: null, stderr })),
    };
  };
}
