/**
 * Where Offprint's import time goes. Replays syncFolders' per-file loop for a full import (new
 * database) with the same exported building blocks, timing each stage; then times the JS work
 * putDocument does before its SQL, the vocabulary scan inside refreshTerms, and a real syncFolders
 * with one transaction instead of batches of 10,000 (as sync.ts commits). Diagnostic only: main/ is not changed.
 * Keep in step with main/library/sync.ts (syncOne) if that loop changes.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { openDatabase } from '../../main/library/db/open.ts';
import { indexMigrations } from '../../main/library/db/migrations/indexMigrations.ts';
import { refreshTerms } from '../../main/library/db/terms.ts';
import { putDocument, putFolder } from '../../main/library/db/writer.ts';
import { decodeBytes } from '../../main/library/import/decode.ts';
import { importBytes } from '../../main/library/import/importFile.ts';
import { readArticleFile } from '../../main/library/import/readFile.ts';
import { DEFAULT_MAX_BYTES, scanFolder } from '../../main/library/import/scan.ts';
import type { Document } from '../../main/library/model.ts';
import { titleKey } from '../../main/library/text/fold.ts';
import { syncFolders, toDocument } from '../../main/library/sync.ts';
import { isPlainParagraphs } from '../../main/library/text/blocks.ts';
import { indexText } from '../../main/library/text/fold.ts';
import { round, secondsSince } from '../stats.ts';
import { childContext, emit, log, paths } from '../systems/common.ts';

const ctx = childContext();
const p = paths(ctx.work);
const folder = { key: ctx.spec.corpus, root: p.files };
const BATCH = 10_000;

const freshDb = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return openDatabase(path, indexMigrations);
};

const ms: Record<string, number> = { scan: 0, read: 0, hash: 0, parse: 0, to_document: 0, put_document: 0, commit: 0, refresh_terms: 0 };
const lap = <T>(stage: string, fn: () => T): T => {
  const t0 = performance.now();
  const out = fn();
  ms[stage] = (ms[stage] ?? 0) + performance.now() - t0;
  return out;
};

const db = freshDb(p.duringDb);
const tAll = performance.now();
const scan = lap('scan', () => scanFolder(folder.root, DEFAULT_MAX_BYTES));
putFolder(db, folder.key, folder.root);
const docs: Document[] = [];
const bytesOf: Uint8Array[] = [];
let batch: { doc: Document; stamp: Parameters<typeof putDocument>[2] }[] = [];
const commit = (): void => {
  const items = batch;
  batch = [];
  const t0 = performance.now();
  let put = 0;
  db.transaction(() => {
    for (const it of items) {
      const t1 = performance.now();
      putDocument(db, it.doc, it.stamp);
      put += performance.now() - t1;
    }
  })();
  ms.put_document! += put;
  ms.commit! += performance.now() - t0 - put;
};
for (const file of scan.files) {
  const got = lap('read', () => readArticleFile(file.abs, DEFAULT_MAX_BYTES));
  if (!got.ok) continue;
  const hash = lap('hash', () => createHash('sha1').update(got.bytes).digest('hex'));
  const imported = lap('parse', () => importBytes(file.abs, got.bytes));
  if (!imported.ok) continue;
  const doc = lap('to_document', () => toDocument(folder.key, file.relpath, file.abs, imported.doc));
  docs.push(doc);
  bytesOf.push(got.bytes);
  batch.push({ doc, stamp: { folder: folder.key, relpath: file.relpath, size: got.size, mtimeMs: got.mtimeMs, hash } });
  if (batch.length >= BATCH) commit();
}
commit();
const termsAdded = lap('refresh_terms', () => refreshTerms(db));
const total = secondsSince(tAll);

// refreshTerms' first statement walks the whole vocabulary (fts5vocab over the index); rerun it now
// that every term is known (it returns nothing) to see what the walk alone costs.
let t0 = performance.now();
db.prepare('SELECT v.term FROM articles_vocab v WHERE NOT EXISTS (SELECT 1 FROM terms t WHERE t.term = v.term)').all();
const vocabScanMs = performance.now() - t0;
db.close();

// The JS putDocument runs before its SQL (see db/writer.ts), timed alone over the same documents.
const js: Record<string, number> = {};
const time = (name: string, fn: () => void): void => {
  const t = performance.now();
  fn();
  js[name] = round(performance.now() - t, 1);
};
time('index_text', () => docs.forEach((d) => void (indexText(d.title), indexText(d.author ?? ''), indexText(d.text))));
time('title_key', () => docs.forEach((d) => void titleKey(d.title)));
time('word_count', () => docs.forEach((d) => void [...d.text.matchAll(/[\p{L}\p{N}]+/gu)].length));
time('blocks_json', () => docs.forEach((d) => void (isPlainParagraphs(d.blocks) ? null : JSON.stringify(d.blocks))));
// Of "parse": how much is decoding bytes (UTF-8 check, control-character scrub, CRLF).
t0 = performance.now();
for (const b of bytesOf) decodeBytes(b);
const decodeMs = performance.now() - t0;

// The same import through the real syncFolders as a single transaction instead of batches of 10,000
// (compare with seconds.offprint), on a fresh database.
const oneTx = freshDb(p.duringDb);
t0 = performance.now();
syncFolders(oneTx, [folder], { batchSize: Number.MAX_SAFE_INTEGER });
const oneTransactionSeconds = secondsSince(t0);
oneTx.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(p.duringDb + suffix, { force: true });

const stages = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v / 1000)]));
log(`import breakdown (s): ${JSON.stringify(stages)} total ${total}; as one transaction ${oneTransactionSeconds} s`);
emit({
  seconds: total,
  stages_s: stages,
  put_document_js_ms: js,
  parse_decode_ms: round(decodeMs, 1),
  refresh_terms_vocab_scan_ms: round(vocabScanMs, 1),
  terms_added: termsAdded,
  sync_one_transaction_s: oneTransactionSeconds,
});
