/**
 * `npm run serve [-- --port N] [--data <dir>] [--content <dir> ...]`: the app in a browser, on 127.0.0.1 only.
 * stdout gets exactly one line, the address with its token, once everything is indexed; logs go to stderr.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
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

function usage(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        content: { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port: expected a whole number from 0 to 65535, got “${values.port}”.`);
  const content = (values.content ?? []).map((c) => fromUserCwd(c));
  for (const c of content) if (!existsSync(c)) usage(`--content: no folder at ${c}.`);
  const rendererDir = ensureRendererBuilt(projectRoot);
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  const services = startServices({
    dataDir: values.data ? fromUserCwd(values.data) : defaultUserDataDir(),
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
