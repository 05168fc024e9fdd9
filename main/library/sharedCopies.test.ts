/** Reading data follows its document among copies (sharedCopies.ts), on a real index and user.db on disk. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPosition, putPosition } from './db/positions.ts';
import { listLibrary } from './db/library.ts';
import { openUserDb } from './db/userDb.ts';
import { continueShelf, positionOf } from './positions.ts';
import { followCopies } from './sharedCopies.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';
import type { Db } from './db/open.ts';

const TEXT = '# Curlew\n\nThe curlew calls over the estuary at dusk.\n';

let lib: TempLibrary;
let user: Db;
const sync = () =>
  syncFolders(lib.db, [
    { key: 'a', root: join(lib.dir, 'articles', 'a') },
    { key: 'b', root: join(lib.dir, 'articles', 'b') },
  ]);
const idIn = (folder: string) => listLibrary(lib.db, 'title', 10, 0, folder).rows[0]!.id;
const save = (id: string, at: string, offset: number, hash: string | null = null) =>
  putPosition(
    user,
    { id, block: 0, offset, quote: 'curlew', progress: 0.4, updatedAt: at },
    { day: at.slice(0, 10), isPastFirstScreen: true, hash },
  );

beforeEach(() => {
  lib = tempLibrary();
  user = openUserDb(join(lib.dir, 'user.db')).db;
  lib.write('a/curlew.md', TEXT);
  lib.write('b/curlew.md', TEXT);
  sync();
});
afterEach(() => {
  user.close();
  lib.cleanup();
});

describe('followCopies', () => {
  it('keeps the position saved last when each copy had its own (made before copies were one)', () => {
    const [first, copy] = [idIn('a'), idIn('b')];
    save(first, '2026-11-01T10:00:00.000Z', 4);
    save(copy, '2026-11-02T10:00:00.000Z', 9);
    expect(continueShelf(lib.db, user, 12).map((s) => s.id)).toEqual([first]);
    expect(followCopies(lib.db, user).positions).toBe(1);
    expect(getPosition(user, copy)).toBeUndefined();
    expect(positionOf(lib.db, user, copy)).toMatchObject({ id: copy, offset: 9 });
    expect(positionOf(lib.db, user, first)).toMatchObject({ id: first, offset: 9 });
  });

  it('moves a position to the copy that remains, found by its content hash, once its own file is gone', () => {
    const first = idIn('a');
    save(first, '2026-11-01T10:00:00.000Z', 4);
    // Landed positions have no hash; the next check gives it while the article is there.
    followCopies(lib.db, user);
    rmSync(join(lib.dir, 'articles', 'a', 'curlew.md'));
    sync();
    expect(followCopies(lib.db, user).positions).toBe(1);
    expect(getPosition(user, idIn('b'))).toMatchObject({ offset: 4 });
  });

  it('leaves a position whose document has no copy left where it is, to come back with its file', () => {
    const first = idIn('a');
    save(first, '2026-11-01T10:00:00.000Z', 4);
    followCopies(lib.db, user);
    for (const folder of ['a', 'b']) rmSync(join(lib.dir, 'articles', folder, 'curlew.md'));
    sync();
    expect(followCopies(lib.db, user)).toEqual({ highlights: 0, positions: 0 });
    expect(getPosition(user, first)).toMatchObject({ offset: 4 });
  });
});
