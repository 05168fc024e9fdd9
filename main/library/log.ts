/** One named logger per module; the only place that writes to the console. Logs go to stderr. */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  debug: (msg: string, data?: Record<string, unknown>) => void;
  info: (msg: string, data?: Record<string, unknown>) => void;
  warn: (msg: string, data?: Record<string, unknown>) => void;
  error: (msg: string, data?: Record<string, unknown>) => void;
}

let threshold: Level = (process.env.OFFPRINT_LOG as Level | undefined) ?? 'info';

export function setLogLevel(level: Level): void {
  threshold = level;
}

export function createLogger(name: string): Logger {
  const write = (level: Level) => (msg: string, data?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[threshold]) return;
    const extra = data ? ` ${JSON.stringify(data)}` : '';
    process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} [${name}] ${msg}${extra}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
