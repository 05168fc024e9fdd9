import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArticles } from '../search.ts';
import { markTermsStale, refreshTerms } from '../db/terms.ts';
import { syncFolders } from '../sync.ts';
import { tempLibrary, type TempLibrary } from '../testing.ts';
import { compileQuery } from './compile.ts';
import { parseQuery } from './parse.ts';
import { checkFound, checkQueryRuns, findCase, queryText } from '../../../test/fuzz/queryFuzz.ts';
import { recordHardening } from '../../../test/hardening/summary.ts';

let lib: TempLibrary;
let fuzzLib: TempLibrary;
const compile = (q: string) => compileQuery(lib.db, parseQuery(q));

beforeAll(() => {
  lib = tempLibrary();
  lib.write(
    'runners.txt',
    'Runners of the mountain\nBy Ada Runner\n\nThe runners were running a long run. Rerun the route. Café in Zürich.',
  );
  lib.write('tokyo.md', '# 東京の夜\n\n東京タワーは赤い。The ΟΔΟΣ sign; a ❤️ emoji; bidi \u2067عربي\u2069 text; ₽100 price.');
  lib.write('sql.txt', 'Odd words\n\nNEAR AND OR NOT title author \'; DROP TABLE articles; -- and "quoted" text.');
  syncFolders(lib.db, [{ key: 'k', root: join(lib.dir, 'articles') }]);
  fuzzLib = tempLibrary();
});
afterAll(() => {
  lib.cleanup();
  fuzzLib.cleanup();
});

describe('compileQuery', () => {
  // Written as FTS5 prefix queries here; spelling a prefix out from the vocabulary is tested below.
  beforeAll(() => markTermsStale(lib.db));
  afterAll(() => refreshTerms(lib.db));

  it('quotes every word and adds a prefix form and the stem variants in the index', () => {
    expect(compile('run').tier1).toBe('("run" OR "run"*)');
    expect(compile('run').tier2).toBe('(("run" OR "run"* OR "rerun") NOT ("run" OR "run"*))');
  });

  it('builds the MATCH string from the words as typed, so FTS5 folds them itself', () => {
    expect(compile('CAFÉ').tier1).toBe('("CAFÉ" OR "CAFÉ"*)');
    expect(compile('e\u0336x').tier1).toBe('("e\u0336x" OR "e\u0336x"*)');
  });

  it('reads a word with inner punctuation or CJK as an open sequence and a quoted phrase as an exact one', () => {
    expect(compile('x"y').tier1).toBe('"x y"*');
    expect(compile('東京').tier1).toBe('"東 京"*');
    expect(compile('"long run"').tier1).toBe('"long run"');
  });

  it('scopes field terms, ORs alternatives and subtracts excluded words', () => {
    expect(compile('title:mountain').tier1).toBe('title : ("mountain" OR "mountain"*)');
    // The excluded word being typed (the last) excludes its longer words too; an earlier one only itself.
    expect(compile('cafe OR x -route').tier1).toBe('((("cafe" OR "cafe"*) OR "x") NOT ("route" OR "route"*))');
    expect(compile('-route cafe OR x').tier1).toBe('((("cafe" OR "cafe"*) OR "x") NOT "route")');
  });

  it('escapes a double quote inside a word by doubling it', () => {
    const parsed = parseQuery('word');
    parsed.clauses[0]!.terms[0]!.raw = ['wo"rd'];
    expect(compileQuery(lib.db, parsed).tier1).toBe('("wo""rd" OR "wo""rd"*)');
  });

  it('gives no MATCH string when every word is excluded or there is no word', () => {
    expect(compile('-run').tier1).toBeNull();
    expect(compile('*** "" ()').tier1).toBeNull();
  });
});

describe('prefixes beyond the indexed lengths', () => {
  it('spells out the few longer words of the vocabulary, so FTS5 reads their doclists lazily', () => {
    expect(compile('runne').tier1).toBe('("runne" OR "runner" OR "runners")');
    expect(compile('mountai').tier1).toBe('("mountai" OR "mountain")');
    // Up to three characters FTS5 has a prefix index of its own.
    expect(compile('run').tier1).toBe('("run" OR "run"*)');
  });

  it('asks FTS5 for the prefix while the vocabulary is behind the index (an import under way)', () => {
    markTermsStale(lib.db);
    try {
      expect(compile('runne').tier1).toBe('("runne" OR "runne"*)');
    } finally {
      refreshTerms(lib.db);
    }
    expect(compile('runne').tier1).toBe('("runne" OR "runner" OR "runners")');
  });

  it('finds the same articles either way', () => {
    const ids = (q: string) =>
      searchArticles(lib.db, q)
        .results.map((r) => r.id)
        .sort();
    const spelled = ['runne', 'mountai', 'zuric', 'quote'].map(ids);
    markTermsStale(lib.db);
    try {
      expect(['runne', 'mountai', 'zuric', 'quote'].map(ids)).toEqual(spelled);
    } finally {
      refreshTerms(lib.db);
    }
    expect(spelled.flat().length).toBeGreaterThanOrEqual(3);
  });

  it('falls back to FTS5 when a beginning has more words than are worth listing', () => {
    const many = tempLibrary();
    try {
      const words = Array.from({ length: 20 }, (_, i) => `inter${String.fromCharCode(97 + i)}word`);
      many.write('many.txt', `Many\n\n${words.join(' ')}`);
      syncFolders(many.db, [{ key: 'k', root: join(many.dir, 'articles') }]);
      expect(compileQuery(many.db, parseQuery('inter')).tier1).toBe('("inter" OR "inter"*)');
      expect(compileQuery(many.db, parseQuery('interb')).tier1).toBe('("interb" OR "interbword")');
    } finally {
      many.cleanup();
    }
  });
});

describe('search over translated queries', () => {
  it.each([
    ['café', 1],
    ['cafe', 1],
    ['ZURICH', 1],
    ['东京', 0],
    ['東京', 1],
    ['ΟΔΟΣ', 1],
    ['οδοσ', 1],
    ['❤️ emoji', 1],
    ['عربي', 1],
    ['₽100', 1],
    ['NEAR(AND OR NOT)', 1],
    ["'; DROP TABLE articles; --", 1],
    ['"quoted" text', 1],
    ['title:"mountain" author:ada', 1],
  ])('finds %j in %i article(s)', (q, n) => {
    expect(searchArticles(lib.db, q).total).toBe(n);
  });

  it('runs every translated query without an error and with only quoted user text (seeded)', () => {
    fc.assert(
      fc.property(queryText, (q) => {
        checkQueryRuns(lib.db, q);
      }),
      { seed: 20240601, numRuns: 1500 },
    );
    recordHardening({ fuzzInputs: 1500 });
  });

  it('finds an article that holds every word of a generated query (seeded)', () => {
    fc.assert(
      fc.property(findCase, (c) => {
        checkFound(fuzzLib, c);
      }),
      { seed: 20240602, numRuns: 150 },
    );
    recordHardening({ fuzzInputs: 150 });
  });
});
