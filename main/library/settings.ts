import type { Database } from 'better-sqlite3';
import type { Settings } from '../../common/contract.ts';
import { settingsSchema } from '../../common/schemas.ts';
import { DEFAULT_SETTINGS } from '../../common/settings.ts';
import { readSettings, writeSettings } from './db/settings.ts';

/** The saved settings over the defaults; a stored value the schema no longer accepts (older, damaged) falls back to its default. */
export function settingsOf(userDb: Database): Settings {
  const stored = readSettings(userDb);
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    if (key in stored && field.safeParse(stored[key]).success) out[key] = stored[key];
  }
  return out as Settings;
}

export function updateSettings(userDb: Database, patch: Partial<Settings>): Settings {
  writeSettings(userDb, patch);
  return settingsOf(userDb);
}
