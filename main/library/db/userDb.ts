import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Migration } from './migrate.ts';
import { userMigrations } from './migrations/userMigrations.ts';
import { checkIntegrity, DatabaseOpenError, openDatabase, type Db, type OpenOptions } from './open.ts';
import { moveAside, removeDatabaseFiles, stamp } from './files.ts';

export const BACKUPS_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OpenedUserDb {
  db: Db;
  /** Said to the user when their data had to be restored. */
  notice: string | null;
  backupDir: string;
}

export interface UserDbOptions extends OpenOptions {
  now?: () => Date;
  /** The migrations to run; tests pass a longer list to exercise the backup before a migration. */
  migrations?: readonly Migration[];
}

export function backupDirFor(path: string): string {
  return join(dirname(path), 'backups');
}

export function listBackups(path: string): string[] {
  const dir = backupDirFor(path);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(path)}.`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.bak'))
    .sort()
    .reverse()
    .map((f) => join(dir, f));
}

/** A consistent copy of the user database (VACUUM INTO), then only the newest BACKUPS_KEPT are kept. */
export function backupUserDb(db: Db, path: string, now: Date): string {
  const dir = backupDirFor(path);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${basename(path)}.${stamp(now)}.bak`);
  rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
  for (const old of listBackups(path).slice(BACKUPS_KEPT)) rmSync(old, { force: true });
  return target;
}

function backupIsGood(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return checkIntegrity(db) === null && (db.pragma('user_version', { simple: true }) as number) > 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

function backupFileBeforeMigration(path: string, now: Date): void {
  const dir = backupDirFor(path);
  mkdirSync(dir, { recursive: true });
  // The file is closed-consistent here only after a checkpoint; copy through SQLite to be safe.
  const db = new Database(path);
  try {
    if ((db.pragma('user_version', { simple: true }) as number) > 0) backupUserDb(db, path, now);
  } finally {
    db.close();
  }
}

/** Backs up when the newest backup is older than a day; call at start and periodically while in use. */
export function backupIfDue(db: Db, path: string, now: Date): string | null {
  const newest = listBackups(path)[0];
  if (newest && now.getTime() - statSync(newest).mtimeMs < DAY_MS) return null;
  return backupUserDb(db, path, now);
}

/**
 * Opens the user database: positions, highlights, notes, settings and folders. It is never silently
 * wiped: a damaged file is kept aside and the newest good backup restored, and the user is told.
 */
export function openUserDb(path: string, options: UserDbOptions = {}): OpenedUserDb {
  const now = options.now ?? (() => new Date());
  const backupDir = backupDirFor(path);
  const open = () =>
    openDatabase(path, options.migrations ?? userMigrations, {
      ...options,
      onBeforeMigrate: () => existsSync(path) && backupFileBeforeMigration(path, now()),
    });
  if (!existsSync(path)) return { db: open(), notice: null, backupDir };
  try {
    const db = open();
    if (checkIntegrity(db) === null) {
      backupIfDue(db, path, now());
      return { db, notice: null, backupDir };
    }
    db.close();
  } catch (err) {
    if (!(err instanceof DatabaseOpenError) || err.code === 'newer' || err.code === 'missing') throw err;
  }
  const aside = moveAside(path, `corrupt-${stamp(now())}`);
  const good = listBackups(path).find(backupIsGood);
  removeDatabaseFiles(path);
  if (good) {
    copyFileSync(good, path);
    const db = open();
    return {
      db,
      notice: `Your reading data (positions, highlights, notes, settings) was damaged. The damaged file was kept as ${aside}, and the backup ${basename(good)} was restored.`,
      backupDir,
    };
  }
  return {
    db: open(),
    notice: `Your reading data was damaged and no good backup was found. The damaged file was kept as ${aside}; Offprint started with empty reading data.`,
    backupDir,
  };
}
