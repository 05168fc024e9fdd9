import type { Database } from 'better-sqlite3';
import type { SavedSettings, Settings } from '../../common/contract.ts';
import { settingsSchema } from '../../common/schemas.ts';
import { DEFAULT_SETTINGS } from '../../common/settings.ts';
import { readSettings, REVISION_KEY, writeSettings } from './db/settings.ts';

/**
 * The saved settings over the defaults, with the number of the last write; a stored value the schema no
 * longer accepts (older, damaged) falls back to its default.
 */
export function settingsOf(userDb: Database): SavedSettings {
  const stored = readSettings(userDb);
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, field] of Object.entries(settingsSchema.shape)) {
    if (key in stored && field.safeParse(stored[key]).success) out[key] = stored[key];
  }
  const revision = Number(stored[REVISION_KEY] ?? 0);
  return { ...(out as Settings), revision: Number.isSafeInteger(revision) && revision > 0 ? revision : 0 };
}

export function updateSettings(userDb: Database, patch: Partial<Settings>): SavedSettings {
  writeSettings(userDb, patch);
  return settingsOf(userDb);
}
