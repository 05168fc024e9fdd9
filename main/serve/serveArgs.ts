import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fromUserCwd } from '../paths.ts';

export interface ServeArgs {
  port: number;
  /** The data folder as given (relative to where the user ran npm), or undefined for the default. */
  data: string | undefined;
  content: string[];
}

/**
 * The options `npm run serve` and `npm run dev:serve` share: --port, --data, --content (repeatable) and
 * --help. A usage error prints the reason and `help` and exits 2; --help prints `help` and answers null.
 */
export function parseServeArgs(argv: string[], help: string): ServeArgs | null {
  const usage = (message: string): never => {
    process.stderr.write(`${message}\n\n${help}`);
    process.exit(2);
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
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
    return usage((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(help);
    return null;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port: expected a whole number from 0 to 65535, got “${values.port}”.`);
  const content = (values.content ?? []).map((c) => fromUserCwd(c));
  for (const c of content) if (!existsSync(c)) usage(`--content: no folder at ${c}.`);
  return { port, data: values.data, content };
}
