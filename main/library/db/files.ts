import { existsSync, renameSync, rmSync } from 'node:fs';

const SIDECARS = ['', '-wal', '-shm'];

/** Moves a database and its WAL files aside under a new name, keeping them for recovery by hand. */
export function moveAside(path: string, suffix: string): string {
  const target = `${path}.${suffix}`;
  for (const s of SIDECARS) if (existsSync(path + s)) renameSync(path + s, target + s);
  return target;
}

export function removeDatabaseFiles(path: string): void {
  for (const s of SIDECARS) rmSync(path + s, { force: true });
}

export const stamp = (d: Date): string => d.toISOString().replace(/[:.]/gu, '-');
