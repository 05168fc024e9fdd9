import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from './log.ts';
import { PARSING, readStatus, STATUS_BYTES, type ParseStatus } from './parseStatus.ts';
import type { ParseReply, ParseRequest } from './parseWorker.ts';
import type { FileJob, Outcome } from './prepareFile.ts';
import { forkEntry, siblingEntry } from './workers.ts';

const log = createLogger('parser');
const MB = 1024 * 1024;

/** What one file may cost the parser process before it is killed and the file refused. */
export interface ParseLimits {
  /** CPU time (user + system) every file may take, in ms… */
  cpuMs: number;
  /** …plus this much per MB of the file. */
  cpuMsPerMb: number;
  /** The parser process's resident memory (VmRSS) may not exceed this. */
  memoryBytes: number;
  /** A file may take this many times its CPU budget in real time: the backstop where CPU time cannot be read. */
  wallFactor: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  cpuMs: 2000,
  cpuMsPerMb: 1000,
  memoryBytes: (Number(process.env.OFFPRINT_PARSE_MEMORY_MB) || 1024) * MB,
  wallFactor: 5,
};

/** The budget of CPU time for one file, in ms. */
export const cpuBudgetMs = (limits: ParseLimits, size: number) => limits.cpuMs + (limits.cpuMsPerMb * size) / MB;

export interface ParserExit {
  code: number | null;
  signal: string | null;
  /** The end of what the process wrote to stderr. */
  stderr: string;
}

/** A running parser process, however it was started: child_process.fork here, a utility process in Electron. */
export interface ParserChild {
  readonly pid: number | undefined;
  send(request: ParseRequest): void;
  /** Ends the process at once (SIGKILL). */
  kill(): void;
  onMessage(listener: (reply: ParseReply) => void): void;
  /** Called once, when the process has gone. */
  onExit(listener: (exit: ParserExit) => void): void;
}

export type ParserLauncher = (options: { env: Record<string, string>; execArgv: string[] }) => ParserChild;

/** The environment variables only tests may hand the parser process (parseWorker.ts testHooks). */
const TEST_ENV = ['OFFPRINT_PARSER_TEST_HOOKS', 'OFFPRINT_PARSER_TEST_SWAP'];

/** Starts parseWorker in a child process of Node (or of tsx, from sources). */
export const forkParser: ParserLauncher = ({ env, execArgv }) => {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !TEST_ENV.includes(k)));
  const child = forkEntry(siblingEntry(import.meta.url, 'parseWorker'), {
    env: { ...inherited, ...env },
    execArgv,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let stderr = '';
  let stderrEnded = false;
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => (stderr = (stderr + s).slice(-8192)));
  child.stderr!.on('end', () => (stderrEnded = true));
  child.on('error', (err) => log.warn('parser process error', { message: err.message }));
  return {
    get pid() {
      return child.pid;
    },
    send: (request) => {
      if (child.connected) child.send(request);
    },
    kill: () => child.kill('SIGKILL'),
    onMessage: (listener) => child.on('message', (m) => listener(m as ParseReply)),
    onExit: (listener) =>
      child.once('exit', (code, signal) => {
        // The last words (a heap-limit message) may still be in the pipe; a grandchild may hold it open, so wait briefly.
        const done = () => listener({ code, signal, stderr });
        if (stderrEnded) return done();
        const timer = setTimeout(done, 500);
        child.stderr!.once('end', () => {
          clearTimeout(timer);
          done();
        });
      }),
  };
};

export interface ParserOptions {
  limits?: Partial<ParseLimits> | undefined;
  /** How to start the process; forkParser unless the app has its own way (Electron). */
  launch?: ParserLauncher | undefined;
  /** Ends the idle process after this many ms without work; by default it lives until close(). */
  idleMs?: number | undefined;
  /** Tests only: environment for the parser's test hooks (parseWorker.ts). */
  testEnv?: Record<string, string> | undefined;
}

/** Files per message to the parser, at most, and bytes of files. */
const SLICE_FILES = 500;
const SLICE_BYTES = 4 * 1024 * 1024;
/** How often the budget is checked, in ms. */
const CHECK_EVERY_MS = 50;
/** A parser that has not said it is ready after this long is taken for broken. */
const BOOT_MS = 120_000;
/** This many deaths in a row that no file explains (nor any outcome in between) stop the sync. */
const MAX_UNEXPLAINED = 3;

interface Live {
  child: ParserChild;
  statusFd: number;
  isReady: boolean;
  startedAt: number;
  /** The file being watched, with the process's CPU time (ms) and the clock when it was first seen parsing it. */
  watched: { seq: number; cpuMs: number | null; wallMs: number } | null;
  /** Set when we killed it: the file over its budget, and why. */
  killedFor: { seq: number; code: string; reason: string } | null;
}

interface RunHandlers {
  onReady(): void;
  onOutcomes(outcomes: Outcome[]): void;
  onDeath(live: Live, exit: ParserExit, status: ParseStatus | null): void;
}

export interface ParseRun {
  folderKey: string;
  realRoot: string;
  maxBytes: number;
  jobs: FileJob[];
  /** How far parsing may run ahead of the writer, in file bytes (at least two slices are always out). */
  aheadBytes: number;
  onOutcomes: (outcomes: Outcome[]) => void;
}

/**
 * The writer's side of the parser process. Files go out in slices, at most `aheadBytes` ahead of the
 * writer, and come back as outcomes in order. Meanwhile each file is held to its budget: CPU time
 * read from /proc/<pid>/stat (2 s plus 1 s per MB by default), resident memory from /proc/<pid>/status
 * (1 GB), and a wall-clock backstop of several times the CPU budget. A file over budget has the process
 * killed and is reported; so is the file a crashed process was on. A new process then takes the files
 * still out, and the rest of the folder imports.
 */
export class Parser {
  private readonly limits: ParseLimits;
  private live: Live | null = null;
  private run: RunHandlers | null = null;
  private seq = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly exits = new Set<Promise<void>>();

  constructor(private readonly options: ParserOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  /** Starts the process ahead of the first files, so it loads while the folder is scanned. */
  warm(): void {
    this.ensure();
  }

  /** Parses `jobs`, handing their outcomes on in order; resolves when every file has its outcome. */
  parse(run: ParseRun): Promise<void> {
    if (this.run) return Promise.reject(new Error('The parser is already parsing.'));
    if (run.jobs.length === 0) return Promise.resolve();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    return new Promise((resolve, reject) => {
      let pending = run.jobs;
      let head = 0;
      let inflight: { job: FileJob; seq: number }[] = [];
      let slices: { remaining: number; bytes: number }[] = [];
      let ahead = 0;
      let unexplained = 0;

      const finish = (err?: Error) => {
        clearInterval(timer);
        this.run = null;
        if (this.options.idleMs !== undefined) this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs).unref();
        if (err) reject(err);
        else resolve();
      };
      const deliver = (outcomes: Outcome[]): boolean => {
        try {
          run.onOutcomes(outcomes);
          return true;
        } catch (err) {
          finish(err as Error);
          return false;
        }
      };
      const fill = () => {
        const live = this.ensure();
        if (!live.isReady) return;
        while (head < pending.length) {
          let end = head;
          let bytes = 0;
          while (end < pending.length && end - head < SLICE_FILES && (end === head || bytes + pending[end]!.size <= SLICE_BYTES))
            bytes += pending[end++]!.size;
          // Always two slices out, so the parser never waits for the writer to ask.
          if (slices.length >= 2 && ahead + bytes > run.aheadBytes) return;
          const jobs = pending.slice(head, end);
          const first = this.seq;
          this.seq += jobs.length;
          for (const [i, job] of jobs.entries()) inflight.push({ job, seq: first + i });
          slices.push({ remaining: jobs.length, bytes });
          ahead += bytes;
          head = end;
          live.child.send({ folderKey: run.folderKey, realRoot: run.realRoot, jobs, first, maxBytes: run.maxBytes });
        }
      };
      const check = () => {
        const live = this.live;
        if (!live || live.killedFor) return;
        if (!live.isReady) {
          if (performance.now() - live.startedAt > BOOT_MS) live.child.kill();
          return;
        }
        const status = inflight.length > 0 ? readStatus(live.statusFd) : null;
        if (!status || status.phase !== PARSING) return;
        const item = inflight.find((x) => x.seq === status.seq);
        const pid = live.child.pid;
        if (!item || pid === undefined) return;
        const cpu = cpuTimeMs(pid);
        const rss = residentBytes(pid);
        // A file is charged from the first check that sees it: at most one interval of its time goes free.
        if (live.watched?.seq !== item.seq) live.watched = { seq: item.seq, cpuMs: cpu, wallMs: Date.now() };
        const budget = cpuBudgetMs(this.limits, item.job.size);
        const usedCpu = cpu !== null && live.watched.cpuMs !== null ? cpu - live.watched.cpuMs : 0;
        let over: { code: string; reason: string } | null = null;
        if (rss !== null && rss > this.limits.memoryBytes)
          over = {
            code: 'too-much-memory',
            reason: `The file needs too much memory to import (over ${Math.round(this.limits.memoryBytes / MB)} MB); it was skipped.`,
          };
        else if (usedCpu > budget || Date.now() - live.watched.wallMs > budget * this.limits.wallFactor)
          over = { code: 'too-slow', reason: `The file took too long to import (over ${seconds(budget)} s); it was skipped.` };
        if (!over) return;
        live.killedFor = { seq: item.seq, ...over };
        live.child.kill();
      };
      const timer = setInterval(check, CHECK_EVERY_MS).unref();

      this.run = {
        onReady: fill,
        onOutcomes: (outcomes) => {
          unexplained = 0;
          for (let i = 0; i < outcomes.length; i++) {
            inflight.shift();
            if (--slices[0]!.remaining === 0) ahead -= slices.shift()!.bytes;
          }
          if (!deliver(outcomes)) return;
          if (head >= pending.length && inflight.length === 0) finish();
          else fill();
        },
        onDeath: (live, exit, status) => {
          if (!live.isReady && !live.killedFor)
            return finish(new Error(`The parser process could not start (${exitText(exit)}). ${exit.stderr.trim().slice(-500)}`));
          const seq = live.killedFor?.seq ?? (status?.phase === PARSING ? status.seq : -1);
          const at = inflight.findIndex((x) => x.seq === seq);
          const problems: Outcome[] = [];
          if (at >= 0) {
            const { job } = inflight[at]!;
            const why = live.killedFor ?? crashReason(exit);
            log.warn('file refused by the parser budget', { relpath: job.relpath, code: why.code, exit: exitText(exit) });
            problems.push({ kind: 'problem', relpath: job.relpath, path: job.abs, code: why.code, reason: why.reason });
            unexplained = 0;
          } else if (++unexplained >= MAX_UNEXPLAINED) {
            return finish(new Error(`The parser process stopped ${MAX_UNEXPLAINED} times between files (${exitText(exit)}).`));
          }
          // The files still out go to the next process, in order; the outcomes they had are lost with this one.
          pending = [...inflight.filter((_, i) => i !== at).map((x) => x.job), ...pending.slice(head)];
          head = 0;
          inflight = [];
          slices = [];
          ahead = 0;
          if (problems.length > 0 && !deliver(problems)) return;
          if (pending.length === 0) finish();
          else fill();
        },
      };
      fill();
    });
  }

  /** Ends the process (if any) and waits until it has gone. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.live?.child.kill();
    await Promise.all([...this.exits]);
  }

  private ensure(): Live {
    if (this.live) return this.live;
    // Unlinked as soon as the parser has it open (at 'ready'), so nothing is left behind if this process is killed.
    const statusPath = join(tmpdir(), `offprint-parser-${randomUUID()}`);
    const statusFd = openSync(statusPath, 'wx+', 0o600);
    writeSync(statusFd, new Uint8Array(STATUS_BYTES), 0, STATUS_BYTES, 0);
    const env = { ...this.options.testEnv, OFFPRINT_PARSER_STATUS: statusPath };
    // V8's own heap limit at the same cap: where /proc cannot be read, the heap still cannot grow past it.
    const execArgv = [`--max-old-space-size=${Math.max(64, Math.ceil(this.limits.memoryBytes / MB))}`];
    const child = (this.options.launch ?? forkParser)({ env, execArgv });
    const live: Live = { child, statusFd, isReady: false, startedAt: performance.now(), watched: null, killedFor: null };
    let exited!: () => void;
    const gone = new Promise<void>((done) => (exited = done));
    this.exits.add(gone);
    child.onMessage((reply) => {
      if (this.live !== live) return;
      if (reply.type === 'ready') {
        live.isReady = true;
        rmSync(statusPath, { force: true });
        this.run?.onReady();
      } else this.run?.onOutcomes(reply.outcomes);
    });
    child.onExit((exit) => {
      const status = readStatus(live.statusFd);
      closeSync(live.statusFd);
      rmSync(statusPath, { force: true });
      if (this.live === live) {
        this.live = null;
        this.run?.onDeath(live, exit, status);
      }
      this.exits.delete(gone);
      exited();
    });
    this.live = live;
    return live;
  }
}

function crashReason(exit: ParserExit): { code: string; reason: string } {
  if (/heap out of memory|heap limit/iu.test(exit.stderr))
    return { code: 'too-much-memory', reason: 'The file needs too much memory to import (the parser ran out of memory); it was skipped.' };
  return { code: 'crashed', reason: `The importer crashed on this file (${exitText(exit)}); it was skipped.` };
}

const exitText = (exit: ParserExit) => (exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`);
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);

const hasProc = existsSync('/proc/self/stat');

/** The process's CPU time (user + system) in ms from /proc/<pid>/stat, or null where there is no /proc. */
function cpuTimeMs(pid: number): number | null {
  if (!hasProc) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // in clock ticks of USER_HZ = 100
  } catch {
    return null;
  }
}

/** The process's resident memory (VmRSS) in bytes, or null. */
function residentBytes(pid: number): number | null {
  if (!hasProc) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
