/**
 * `npm run serve [-- --port N] [--data <dir>] [--content <dir> ...]`: the app in a browser, on 127.0.0.1 only.
 * stdout gets exactly one line, the address with its token, once everything is indexed; logs go to stderr.
 */
import { join } from 'node:path';
import { parseServeArgs } from './serveArgs.ts';
import { startServices } from '../api/services.ts';
import { libraryWorker } from '../library/workers.ts';
import { defaultUserDataDir, fromUserCwd, projectRoot } from '../paths.ts';
import { ensureRendererBuilt } from './buildRenderer.ts';
import { startServer } from './server.ts';

const HELP = `Usage: npm run serve -- [--port N] [--data <dir>] [--content <dir> ...]

  --port N          port on 127.0.0.1 (default: 0, the system picks one)
  --data <dir>      where the index and your reading data live (default: the app's user-data folder)
  --content <dir>   an extra folder of articles to add; may repeat
  --help            this text
`;

async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2), HELP);
  if (!args) return;
  const { port, content } = args;
  const rendererDir = ensureRendererBuilt(projectRoot);
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  const services = startServices({
    dataDir: args.data ? fromUserCwd(args.data) : defaultUserDataDir(),
    bundledContent: join(projectRoot, 'content'),
    extraFolders: content,
    workerUrl: libraryWorker('indexWorker'),
    onEvent: (event, payload) => running?.broadcast(event, payload),
  });
  running = await startServer({ services, rendererDir, port });
  for (const n of services.notices) process.stderr.write(`${n}\n`);
  await services.ready;
  process.stdout.write(`Offprint serving at ${running.url}\n`);
  const stop = async () => {
    await running?.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: Error) => {
  process.stderr.write(`offprint serve: ${err.message}\n`);
  process.exit(1);
});
