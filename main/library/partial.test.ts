import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArticles } from './search.ts';
import { syncFolders } from './sync.ts';
import { tempLibrary, type TempLibrary } from './testing.ts';

/**
 * The first ranking of partial matches reads only the rarest words' articles (partial.ts); a library too
 * small to reach the real budget is searched with a small one, to see that the split loses nothing.
 */
let lib: TempLibrary;
beforeAll(() => {
  lib = tempLibrary();
  lib.write('rare.md', '# Rare\n\nOnly the quokka lives here.');
  for (let i = 0; i < 5; i++) lib.write(`mid${i}.md`, `# Mid ${i}\n\nA wombat burrow, number ${i}.`);
  for (let i = 0; i < 8; i++) lib.write(`more${i}.md`, `# More ${i}\n\nA koala in a tree, number ${i}.`);
  lib.write('both.md', '# Both\n\nA wombat and a koala, side by side.');
  lib.write('bird.md', '# Bird\n\nThe bobwhite sings at dawn in spring.');
  lib.write('bear.md', '# Bear\n\nThe redrobin sings at dawn in spring.');
  lib.write('robin.md', '# Robin\n\nA robin on the fence.');
  for (let i = 0; i < 4; i++) lib.write(`none${i}.md`, `# None ${i}\n\nThe river runs on.`);
  syncFolders(lib.db, [{ key: 'f', root: `${lib.dir}/articles` }]);
});
afterAll(() => lib.cleanup());

const Q = 'quokka wombat koala';
const all = (essentialPostings?: number) => {
  const out: string[] = [];
  for (let offset = 0; ; offset += 4) {
    const page = searchArticles(lib.db, Q, { limit: 4, offset, essentialPostings }).results;
    if (page.length === 0) return out;
    out.push(...page.map((r) => r.title));
  }
};

describe('partial matches past the first ranking', () => {
  it('counts and pages the same articles whatever the first ranking reads', () => {
    const whole = searchArticles(lib.db, Q, { limit: 50 });
    const split = searchArticles(lib.db, Q, { limit: 50, essentialPostings: 2 });
    expect(whole.total).toBe(15);
    expect(split.total).toBe(whole.total);
    const paged = all(2);
    expect(paged).toHaveLength(15);
    expect(new Set(paged).size).toBe(15);
    expect(new Set(paged)).toEqual(new Set(all()));
  });

  it('lists the articles with the rarest words first, then the rest by bm25', () => {
    const titles = all(2);
    // quokka (1 article) fills the budget; wombat and koala come after it.
    expect(titles[0]).toBe('Rare');
    // The article with two of the words leads the rest.
    expect(titles[1]).toBe('Both');
    expect(titles.slice(2).every((t) => /^(Mid|More) /u.test(t))).toBe(true);
  });
});

describe('in-word fragments in long queries', () => {
  it('complete a short query through a word found only inside longer ones', () => {
    const r = searchArticles(lib.db, 'white sings dawn');
    expect(r.complete).toBe(1);
    expect(r.results[0]?.title).toBe('Bird');
  });

  it('complete a long query through a word found nowhere as a word', () => {
    const r = searchArticles(lib.db, 'the white sings at dawn in spring');
    expect(r.complete).toBe(1);
    expect(r.results[0]?.title).toBe('Bird');
    expect(r.results[0]?.matched.words).toEqual(expect.arrayContaining(['bobwhite', 'sings', 'dawn']));
  });

  it('are not looked for in a long query for a word that matches as a word', () => {
    // "robin" is a word of another article: inside "redrobin" it does not complete this one.
    const r = searchArticles(lib.db, 'the robin sings at dawn in spring');
    expect(r.complete).toBe(0);
    const bear = r.results.find((x) => x.title === 'Bear');
    expect(bear?.missing).toEqual(['robin']);
    // In a short query it does.
    expect(searchArticles(lib.db, 'robin sings dawn').complete).toBe(1);
  });
});
