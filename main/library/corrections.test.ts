import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMatches } from './db/search.ts';
import { correctionsOf, refreshTerms } from './db/terms.ts';
import { compileQuery } from './query/compile.ts';
import { correctQuery } from './query/corrections.ts';
import { parseQuery } from './query/parse.ts';
import { searchArticles } from './search.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

/** What the vocabulary tables are called in a statement, with their aliases. */
function vocabularyNames(sql: string): Set<string> {
  const names = new Set<string>();
  for (const m of sql.matchAll(
    /\b(articles_vocab|terms|term_deletes)\b(?:\s+(?:AS\s+)?(?!WHERE|JOIN|ON|ORDER|LIMIT|SET|VALUES)(\w+))?/giu,
  )) {
    names.add(m[1]!.toLowerCase());
    if (m[2]) names.add(m[2].toLowerCase());
  }
  return names;
}

/**
 * The plan lines of `sql` that read a vocabulary table whole: a SCAN of terms or term_deletes, or a
 * SCAN of the FTS vocabulary without a term constraint (fts5vocab's idxNum bits 0x100–0x400).
 */
function fullScans(db: Database, sql: string): string[] {
  const names = vocabularyNames(sql);
  if (names.size === 0 || !/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)/iu.test(sql)) return [];
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
  return plan.filter((line) => {
    const m = /^SCAN (\w+)(?: VIRTUAL TABLE INDEX (\d+))?/u.exec(line);
    if (!m || !names.has(m[1]!.toLowerCase())) return false;
    return m[2] === undefined || (Number(m[2]) & 0x700) === 0;
  });
}

let lib: TempLibrary;
let recording: string[] | null = null;
beforeAll(() => {
  lib = tempLibrary({ verbose: (sql) => recording?.push(sql) });
  for (let i = 0; i < 40; i++) lib.write(`a${i}.md`, `# Article ${i}\n\nNotes on vaccination number ${i}, Shanghai and the harbour.`);
  lib.write('greta.md', '# Greta Thunberg speaks\n\nGreta Thunberg spoke about the climate.');
  for (let i = 0; i < 3; i++) lib.write(`greta${i}.md`, `# Greta ${i}\n\nGreta and the harbour number ${i}.`);
  // A rare misspelling in one article, and the right word in 30: the rare one gets the common one beside it.
  lib.write('cassock.md', '# Vestments\n\nA black cassock hung by the door.');
  for (let i = 0; i < 5; i++) lib.write(`cossack${i}.md`, `# Steppe ${i}\n\nA cossack rode past, number ${i}.`);
  lib.write('both.md', '# Both\n\nThe harbuor report on vaccination.');
  lib.write('typo.md', '# Harbuor notes\n\nThe harbuor was quiet.');
  syncFolders(lib.db, [{ key: 'f', root: `${lib.dir}/articles` }]);
});
afterAll(() => lib.cleanup());

function corrected(q: string) {
  const compiled = compileQuery(lib.db, parseQuery(q));
  return correctQuery(lib.db, compiled);
}

describe('corrections of a query', () => {
  it('corrects a word that matches nothing, keeping what the others match', () => {
    const c = corrected('greta thunburg');
    expect(c?.corrections).toEqual([{ from: 'thunburg', to: 'thunberg' }]);
    expect(countMatches(lib.db, c!.compiled.tier1!)).toBe(1);
    expect(countMatches(lib.db, compileQuery(lib.db, parseQuery('greta thunburg')).tier1!)).toBe(0);
  });

  it('adds the correction beside a word that has matches of its own only when they are fewer than 1/20 of its', () => {
    const c = corrected('harbuor vaccination');
    expect(c?.corrections).toEqual([{ from: 'harbuor', to: 'harbour' }]);
    const typed = countMatches(lib.db, compileQuery(lib.db, parseQuery('harbuor vaccination')).tier1!);
    expect(countMatches(lib.db, c!.compiled.tier1!)).toBeGreaterThan(typed);
    // The last word is still being typed: its own matches stand.
    expect(corrected('vaccination harbuor')).toBeNull();
    expect(corrected('harbour shanghai')).toBeNull();
  });

  it('searches every nearest word, so a rare one is found beside its commoner neighbours', () => {
    const c = corrected('cassack');
    expect(c?.corrections).toEqual([{ from: 'cassack', to: 'cossack' }]);
    expect(countMatches(lib.db, c!.compiled.tier1!)).toBe(6);
  });

  it('ranks what a correction adds below what the words match as typed', () => {
    const r = searchArticles(lib.db, 'harbuor vaccination', { limit: 50 });
    expect(r.corrected).toEqual([{ from: 'harbuor', to: 'harbour' }]);
    expect(r.results[0]?.title).toBe('Both');
    const articles = r.results.slice(1, 41).map((x) => x.title);
    expect(articles.every((t) => /^Article \d+$/u.test(t))).toBe(true);
    expect(r.complete).toBe(41);
  });

  it('leaves phrases, fields, excluded words, short words and CJK as typed', () => {
    expect(corrected('"greta thunburg"')).toBeNull();
    expect(corrected('title:thunburg')).toBeNull();
    expect(corrected('greta -thunburg')).toBeNull();
    expect(corrected('gret')).toBeNull();
  });
});

describe('corrections', () => {
  it('finds a misspelled word by one substitution, deletion, insertion or transposition', () => {
    expect(correctionsOf(lib.db, 'vaccinatoin').map((c) => c.term)).toContain('vaccination');
    expect(correctionsOf(lib.db, 'shangai')[0]?.term).toBe('shanghai');
    expect(correctionsOf(lib.db, 'shanghaai')[0]?.term).toBe('shanghai');
    expect(correctionsOf(lib.db, 'shanghia')[0]?.term).toBe('shanghai');
    expect(correctionsOf(lib.db, 'thunburg')[0]).toMatchObject({ term: 'thunberg', edits: 1, docs: 1 });
  });

  it('finds a long word two edits away that deletions alone cannot reach', () => {
    // Two substitutions, two transpositions, a substitution beside a missing letter: each needs two
    // deletions on both sides, which term_deletes does not hold.
    expect(correctionsOf(lib.db, 'vaccinetiom')[0]).toMatchObject({ term: 'vaccination', edits: 2 });
    expect(correctionsOf(lib.db, 'vacicnaiton')[0]).toMatchObject({ term: 'vaccination', edits: 2 });
    expect(correctionsOf(lib.db, 'vacinatiom')[0]).toMatchObject({ term: 'vaccination', edits: 2 });
    expect(searchArticles(lib.db, 'vaccinetiom').corrected).toEqual([{ from: 'vaccinetiom', to: 'vaccination' }]);
  });

  it('offers nothing for short words or words too far away', () => {
    expect(correctionsOf(lib.db, 'shn')).toEqual([]);
    expect(correctionsOf(lib.db, 'xylophone')).toEqual([]);
  });

  it('updates the correction data of a one-file sync without reading the whole vocabulary', () => {
    lib.write('new.md', '# Quetzalcoatlus\n\nA pterosaur named quetzalcoatlus flew over the lagoon.');
    recording = [];
    syncFolders(lib.db, [{ key: 'f', root: `${lib.dir}/articles` }]);
    const ran = recording;
    recording = null;
    expect(correctionsOf(lib.db, 'quetzalcoatlsu')[0]?.term).toBe('quetzalcoatlus');
    const touching = ran.filter((sql) => vocabularyNames(sql).size > 0);
    expect(touching.length).toBeGreaterThan(0);
    expect(touching.flatMap((sql) => fullScans(lib.db, sql).map((line) => `${line} ← ${sql.slice(0, 120)}`))).toEqual([]);
  });

  it('shows the full walk for what it is: refreshTerms reads the whole FTS vocabulary', () => {
    recording = [];
    refreshTerms(lib.db);
    const ran = recording;
    recording = null;
    expect(ran.flatMap((sql) => fullScans(lib.db, sql)).length).toBeGreaterThan(0);
  });
});
