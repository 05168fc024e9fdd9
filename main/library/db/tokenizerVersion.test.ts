import { describe, expect, it } from 'vitest';
import { syncFolders } from '../sync.ts';
import { tempLibrary } from '../testing.ts';
import { openIndexDb } from './indexDb.ts';
import { TOKENIZER_VERSION } from './tokenizerVersion.ts';

describe('the tokenizer version of an index', () => {
  it('empties an index made the old way, so the next sync re-imports it, and leaves a current one alone', () => {
    const lib = tempLibrary();
    try {
      lib.write('a.md', '# Alpha\n\nText.');
      syncFolders(lib.db, [{ key: 'k', root: `${lib.dir}/articles` }]);
      lib.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('tokenizer_version', '0')").run();
      lib.db.close();
      const old = openIndexDb(lib.dbPath);
      expect(old.wasReset).toBe(true);
      expect(old.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
      expect(old.db.prepare("SELECT value FROM meta WHERE key = 'tokenizer_version'").get()).toEqual({ value: TOKENIZER_VERSION });
      expect(syncFolders(old.db, [{ key: 'k', root: `${lib.dir}/articles` }])).toMatchObject({ added: 1 });
      old.db.close();
      const current = openIndexDb(lib.dbPath);
      expect(current.wasReset).toBe(false);
      expect(current.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 });
      current.db.close();
    } finally {
      lib.cleanup();
    }
  });
});
