import type { Database } from 'better-sqlite3';
import { articleExists } from './db/articles.ts';
import { firstWithHash, standingCopy } from './db/copies.ts';
import { highlightVersions, moveHighlights } from './db/highlights.ts';
import { movePosition, positionKeys, setPositionHash } from './db/positions.ts';
import { hashOfVersion } from './highlights.ts';

/**
 * After the index changed, the reading data of copies (db/copies.ts) follows its document.
 *
 * Highlights are kept under the id of the copy they were made in, and shown in every copy
 * (highlights.ts); a position is kept under the id of the copy that stands (positions.ts). An article
 * id comes from a file's folder and path, so when that file goes (deleted, its folder removed, or
 * renamed) its id goes too: what was kept under it moves to the copy that now stands for the same
 * content hash, found by the hash the data remembers (a highlight's `anchored_to`, a position's
 * `hash`). Data whose document has no copy left stays as it is, and comes back with its file.
 *
 * An edited copy is another document: its highlights stay with it (they are re-found by their quotes,
 * highlights.ts), and the position stays with the copy that stood, edited or not.
 */
export function followCopies(indexDb: Database, userDb: Database): { highlights: number; positions: number } {
  let highlights = 0;
  let positions = 0;
  userDb.transaction(() => {
    for (const { id, anchoredTo } of highlightVersions(userDb)) {
      const hash = hashOfVersion(anchoredTo);
      if (hash === null || articleExists(indexDb, id)) continue;
      const to = firstWithHash(indexDb, hash);
      if (to) highlights += moveHighlights(userDb, id, anchoredTo, to.id);
    }
    for (const { id, hash } of positionKeys(userDb)) {
      const standing = standingCopy(indexDb, id);
      if (standing && standing.hash !== hash) setPositionHash(userDb, id, standing.hash);
      const to = standing?.id ?? (hash === null ? undefined : firstWithHash(indexDb, hash)?.id);
      if (to === undefined || to === id) continue;
      movePosition(userDb, id, to);
      positions++;
    }
  })();
  return { highlights, positions };
}
