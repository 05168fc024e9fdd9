import type { Database } from 'better-sqlite3';

/**
 * What the Continue reading shelf needs to show only what is really being read (main/library/db/positions.ts):
 * whether the reader has been past the article's first screen (sticky once set), the local day it was
 * last opened and on how many days, and the day it was dismissed from the shelf (until it is read again). The shelf's query walks a partial index of just its rows.
 *
 * A landed position says where the reader stopped, not how far they scrolled: one 5% or more into its
 * article is taken as past the first screen, so an upgrade keeps the articles being read on the shelf
 * and drops those only opened (0–4%, the "1% read" cards). Its day is the day it was last saved.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE positions ADD COLUMN past_first_screen INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE positions ADD COLUMN last_day TEXT NOT NULL DEFAULT '';
    ALTER TABLE positions ADD COLUMN days INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE positions ADD COLUMN dismissed_day TEXT;
    UPDATE positions SET past_first_screen = progress >= 0.05, last_day = date(updated_at, 'localtime');
    DROP INDEX positions_updated;
    CREATE INDEX positions_shelf ON positions (updated_at)
      WHERE progress < 0.98 AND dismissed_day IS NULL AND (past_first_screen = 1 OR days >= 2);
  `);
}
