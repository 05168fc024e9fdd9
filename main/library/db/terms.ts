import type { Database } from 'better-sqlite3';
import { stemmer } from 'stemmer';
import { allowedEdits, deletesOf, editDistance, oneDeletes } from '../text/edits.ts';
import { tokens } from '../text/fold.ts';
import { untilChanged } from './changes.ts';
import { vocabularyCounts } from './search.ts';
import { statementCache } from './statements.ts';

/** Porter stems for English-looking words; other scripts are their own stem. */
export function stemOf(term: string): string {
  return /^[a-z]+$/.test(term) && term.length > 2 ? stemmer(term) : term;
}

const statements = statementCache((db) => ({
  newTerms: db.prepare<[], { term: string }>(
    `SELECT v.term FROM articles_vocab v WHERE NOT EXISTS (SELECT 1 FROM terms t WHERE t.term = v.term)`,
  ),
  insertTerm: db.prepare<[string, string]>('INSERT INTO terms (term, stem) VALUES (?, ?)'),
  insertTrigram: db.prepare<[number, string]>('INSERT INTO terms_trigram (rowid, term) VALUES (?, ?)'),
  // One statement per word, its deletes as a JSON array: a word has a dozen, and each call costs more than its insert.
  insertDeletes: db.prepare<[number, string]>('INSERT OR IGNORE INTO term_deletes (del, term) SELECT value, ? FROM json_each(?)'),
  termRowid: db.prepare<[string], number>('SELECT rowid FROM terms WHERE term = ?').pluck(),
  byDelete: db.prepare<[string], string>('SELECT t.term FROM term_deletes d JOIN terms t ON t.rowid = d.term WHERE d.del = ?').pluck(),
  byStem: db.prepare<[string, number], { term: string }>('SELECT term FROM terms WHERE stem = ? LIMIT ?'),
  byFragment: db.prepare<[string, number], { term: string }>('SELECT term FROM terms_trigram WHERE terms_trigram MATCH ? LIMIT ?'),
  // Ranked by bm25 over the trigrams: words sharing the most (and rarest) of them first.
  byTrigrams: db
    .prepare<[string, number], string>('SELECT term FROM terms_trigram WHERE terms_trigram MATCH ? ORDER BY rank LIMIT ?')
    .pluck(),
  exists: db.prepare<[string], { n: number }>('SELECT 1 AS n FROM terms WHERE term = ?'),
  startingWith: db
    .prepare<[string, string, number], string>('SELECT term FROM terms WHERE term > ? AND term < ? ORDER BY term LIMIT ?')
    .pluck(),
  isStale: db.prepare<[], number>("SELECT 1 FROM meta WHERE key = 'terms_stale'").pluck(),
  markStale: db.prepare<[]>("INSERT OR IGNORE INTO meta (key, value) VALUES ('terms_stale', '1')"),
  markFresh: db.prepare<[]>("DELETE FROM meta WHERE key = 'terms_stale'"),
}));

/**
 * Hears how far a vocabulary update is: new words added (or texts looked through) of how many. Called
 * every PROGRESS_EVERY of them, from inside the transaction: the update of a first big import takes
 * seconds (most of it adding words), too long for a status that does not move.
 */
export type TermsProgress = (done: number, total: number) => void;
const PROGRESS_EVERY = 1024;

/**
 * Marks the vocabulary as behind the index: an import writes articles now and adds their words at
 * the end. Until then, lookups that must see every word (prefix completions) fall back to FTS5.
 * Call inside the transaction that writes the articles.
 */
export function markTermsStale(db: Database): void {
  const isFirst = statements(db).markStale.run().changes > 0;
  // Stale already, and not by this connection's writes (a crash, another process): only the full walk knows what is missing.
  if (!pending.has(db)) pending.set(db, isFirst ? { texts: [], chars: 0 } : 'overflow');
}

/** True when articles were written since the last refreshTerms (also after a crash in between). */
export function termsAreStale(db: Database): boolean {
  return statements(db).isStale.get() !== undefined;
}

/**
 * Adds the index's new words to the vocabulary. Words whose last article went stay behind:
 * they then expand to a term with no hits, which costs nothing.
 */
export function refreshTerms(db: Database, onProgress?: TermsProgress): number {
  const s = statements(db);
  let added = 0;
  db.transaction(() => {
    const terms = s.newTerms.all();
    onProgress?.(0, terms.length);
    for (const { term } of terms) {
      addTerm(db, term);
      if (++added % PROGRESS_EVERY === 0) onProgress?.(added, terms.length);
    }
    s.markFresh.run();
  })();
  pending.delete(db);
  return added;
}

function addTerm(db: Database, term: string): void {
  const s = statements(db);
  const rowid = Number(s.insertTerm.run(term, stemOf(term)).lastInsertRowid);
  if (term.length >= 3) s.insertTrigram.run(rowid, term);
  const deletes = deletesOf(term);
  if (deletes.length > 0) s.insertDeletes.run(rowid, JSON.stringify(deletes));
}

/**
 * The text written since the vocabulary was last brought up to date, per connection, while it is small:
 * a sync that changed a few files adds the words of those files alone (each a lookup by the term's own
 * index), where refreshTerms walks the whole FTS vocabulary (seconds at 200,000 articles). Past the
 * limit, or in a new process after a crash (the stale flag is in the database), the full walk runs.
 */
const pending = new WeakMap<Database, { texts: string[]; chars: number } | 'overflow'>();
const PENDING_CHARS = 4_000_000;

/** Notes what the writer put into the index (title, author, body as indexed); call beside markTermsStale. */
export function noteIndexedText(db: Database, texts: readonly string[]): void {
  const p = pending.get(db);
  if (p === undefined || p === 'overflow') return;
  for (const t of texts) p.chars += t.length;
  if (p.chars > PENDING_CHARS) return void pending.set(db, 'overflow');
  p.texts.push(...texts);
  pending.set(db, p);
}

/** Brings the vocabulary up to date after a sync that wrote articles: the noted words alone when it can, else the whole walk. */
export function updateTerms(db: Database, onProgress?: TermsProgress): number {
  if (!termsAreStale(db)) return 0;
  const p = pending.get(db);
  if (p === undefined || p === 'overflow') return refreshTerms(db, onProgress);
  const s = statements(db);
  let added = 0;
  db.transaction(() => {
    const seen = new Set<string>();
    onProgress?.(0, p.texts.length);
    for (const [i, text] of p.texts.entries()) {
      if (i > 0 && i % PROGRESS_EVERY === 0) onProgress?.(i, p.texts.length);
      for (const { term } of tokens(text)) {
        if (seen.has(term)) continue;
        seen.add(term);
        if (s.termRowid.get(term) === undefined) {
          addTerm(db, term);
          added++;
        }
      }
    }
    s.markFresh.run();
  })();
  pending.delete(db);
  return added;
}

/** Words sharing trigrams with a typed word that are checked when no two-edit neighbour was found by deletions. */
const TRIGRAM_CANDIDATES = 300;

/** The OR of a word's letter trigrams, each quoted, for the trigram index. */
function trigramQuery(word: string): string {
  const chars = [...word];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams].map((g) => `"${g.replaceAll('"', '""')}"`).join(' OR ');
}

export interface Correction {
  term: string;
  /** Edits from the typed word. */
  edits: number;
  /** Articles that hold it. */
  docs: number;
}

/**
 * Vocabulary words within the allowed edits of `word` (see text/edits.ts), nearest first, then the most
 * common: the candidates are the word's own one- and two-letter deletions looked up as words and in
 * term_deletes (which holds every word's one-letter deletions), so each is an index seek. This finds
 * every word one edit away and most two away. The two-edit pairs it cannot see (two substitutions or
 * transpositions, a substitution beside a missing letter) need two deletions on both sides; when the
 * seeks find nothing, the words that share the most letter trigrams with it are checked instead.
 */
export function correctionsOf(db: Database, word: string, limit = 3): Correction[] {
  // Typing searches at each keystroke: the words typed before the last are looked up again and again.
  const cache = correctionCache(db);
  const key = `${limit}:${word}`;
  let known = cache.get(key);
  if (known === undefined) {
    if (cache.size > CORRECTION_CACHE_MAX) cache.clear();
    cache.set(key, (known = findCorrections(db, word, limit)));
  }
  return known;
}

/** Corrections found per connection, kept until the database changes (see changes.ts). */
const correctionCache = untilChanged(() => new Map<string, Correction[]>());
const CORRECTION_CACHE_MAX = 10_000;

function findCorrections(db: Database, word: string, limit: number): Correction[] {
  const max = allowedEdits(word);
  if (max === 0) return [];
  const s = statements(db);
  const probes = new Set<string>([word, ...oneDeletes(word)]);
  if (max === 2) for (const d of oneDeletes(word)) for (const dd of oneDeletes(d)) probes.add(dd);
  const found = new Set<string>();
  for (const probe of probes) {
    if (s.termRowid.get(probe) !== undefined) found.add(probe);
    for (const term of s.byDelete.all(probe)) found.add(term);
  }
  found.delete(word);
  const near = (terms: Iterable<string>): Correction[] => {
    const close: { term: string; edits: number }[] = [];
    for (const term of terms) {
      if (term === word) continue;
      const edits = editDistance(word, term, max);
      if (edits <= max) close.push({ term, edits });
    }
    const counts = vocabularyCounts(
      db,
      close.map((c) => c.term),
    );
    return close.map((c) => ({ ...c, docs: counts.get(c.term)?.docs ?? 0 }));
  };
  let out = near(found);
  if (out.length === 0 && max === 2) out = near(s.byTrigrams.all(trigramQuery(word), TRIGRAM_CANDIDATES));
  return out
    .filter((c) => c.docs > 0)
    .sort((a, b) => a.edits - b.edits || b.docs - a.docs || (a.term < b.term ? -1 : 1))
    .slice(0, limit);
}

/** How many articles hold `term` as a word (the FTS vocabulary's count). */
export function docCountOf(db: Database, term: string): number {
  return vocabularyCounts(db, [term]).get(term)?.docs ?? 0;
}

export function termsWithStem(db: Database, stem: string, limit = 32): string[] {
  return statements(db)
    .byStem.all(stem, limit)
    .map((r) => r.term);
}

/**
 * The words in the index that start with `prefix` (and are longer), or null when there are more than
 * `limit` or the vocabulary is behind the index, in which case only FTS5's own prefix query is complete.
 */
export function completionsOf(db: Database, prefix: string, limit: number): string[] | null {
  if (termsAreStale(db)) return null;
  const found = statements(db).startingWith.all(prefix, `${prefix}\u{10FFFF}`, limit + 1);
  return found.length > limit ? null : found;
}

/** Vocabulary words that contain `fragment` (3+ characters) anywhere. */
export function termsContaining(db: Database, fragment: string, limit = 64): string[] {
  if ([...fragment].length < 3) return [];
  const quoted = `"${fragment.replaceAll('"', '""')}"`;
  return statements(db)
    .byFragment.all(quoted, limit)
    .map((r) => r.term);
}
