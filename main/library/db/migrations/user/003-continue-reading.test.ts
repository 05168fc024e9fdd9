import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../../localDay.ts';
import { migrate } from '../../migrate.ts';
import { shelfPositions } from '../../positions.ts';
import { userMigrations } from '../userMigrations.ts';

describe('user migration 003 (what the Continue reading shelf needs)', () => {
  it('keeps every landed position, takes those 5% or more in as being read, and dates each by its last save', () => {
    const db = new Database(':memory:');
    migrate(db, userMigrations.slice(0, 2));
    const insert = db.prepare('INSERT INTO positions (id, block, offset, quote, progress, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('opened', 0, 0, 'The', 0.01, '2025-03-03T08:00:00.000Z');
    insert.run('reading', 12, 40, 'harbour', 0.4, '2025-03-04T23:30:00.000Z');
    insert.run('finished', 90, 3, 'End', 0.99, '2025-03-05T12:00:00.000Z');

    expect(migrate(db, userMigrations)).toBe(userMigrations.length - 2);
    const rows = db
      .prepare(
        'SELECT id, block, offset, quote, progress, updated_at, past_first_screen, last_day, days, dismissed_day FROM positions ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      {
        id: 'finished',
        block: 90,
        offset: 3,
        quote: 'End',
        progress: 0.99,
        updated_at: '2025-03-05T12:00:00.000Z',
        past_first_screen: 1,
        last_day: localDay(new Date('2025-03-05T12:00:00.000Z')),
        days: 1,
        dismissed_day: null,
      },
      {
        id: 'opened',
        block: 0,
        offset: 0,
        quote: 'The',
        progress: 0.01,
        updated_at: '2025-03-03T08:00:00.000Z',
        past_first_screen: 0,
        last_day: localDay(new Date('2025-03-03T08:00:00.000Z')),
        days: 1,
        dismissed_day: null,
      },
      {
        id: 'reading',
        block: 12,
        offset: 40,
        quote: 'harbour',
        progress: 0.4,
        updated_at: '2025-03-04T23:30:00.000Z',
        past_first_screen: 1,
        last_day: localDay(new Date('2025-03-04T23:30:00.000Z')),
        days: 1,
        dismissed_day: null,
      },
    ]);
    expect(shelfPositions(db, 12).map((p) => p.id)).toEqual(['reading']);
    db.close();
  });
});
