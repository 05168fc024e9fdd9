/** The Continue reading shelf over its requests: what counts as being read, finished articles, dismissal and undo. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary, EventName } from '../../common/contract.ts';
import { userMigrations } from '../library/db/migrations/userMigrations.ts';
import { startServices } from './services.ts';
import { testServices, type TestServices } from './testServices.ts';

const TITLES = ['Alder', 'Birch', 'Cedar', 'Dogwood', 'Elm', 'Fir', 'Ginkgo', 'Hazel'];

let t: TestServices;
/** The clock every handler reads (deps.now): set by each step. */
let clock = new Date(2025, 2, 3, 9, 0);
const events: { event: EventName; payload: unknown }[] = [];
const ids = new Map<string, string>();

beforeAll(async () => {
  const files = Object.fromEntries(TITLES.map((title) => [`${title.toLowerCase()}.md`, `# ${title}\n\nA tree called ${title}.`]));
  t = await testServices(files, { now: () => clock, onEvent: (event, payload) => events.push({ event, payload }) });
  const list = await value<{ items: ArticleSummary[] }>('library.list', { sort: 'title', offset: 0, limit: 50 });
  for (const a of list.items) ids.set(a.title, a.id);
});
afterAll(() => t.cleanup());
beforeEach(() => {
  events.length = 0;
});

async function value<T>(name: string, input: unknown): Promise<T> {
  const r = await t.services.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

const idOf = (title: string) => ids.get(title)!;

/** A position.set as the reader sends it: at `block`, `progress` of the way, past the first screen or not. */
function save(title: string, at: { block?: number; progress?: number; pastFirstScreen?: boolean } = {}) {
  const { block = 0, progress = 0, pastFirstScreen } = at;
  return value('position.set', {
    id: idOf(title),
    anchor: { block, offset: 0, quote: 'A tree' },
    progress,
    ...(pastFirstScreen === undefined ? {} : { pastFirstScreen }),
  });
}

async function shelf(): Promise<string[]> {
  return (await value<ArticleSummary[]>('library.continue', {})).map((a) => a.title);
}

const at = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute);

describe('what the shelf counts as being read', () => {
  it('leaves an article that was only opened off the shelf, however often it is saved that day', async () => {
    clock = at(3, 9);
    await save('Alder');
    clock = at(3, 21);
    await save('Alder', { progress: 0.01 });
    await save('Alder', { progress: 0.02, pastFirstScreen: false });
    expect(await shelf()).not.toContain('Alder');
  });

  it('puts an article on the shelf once the reader has been past its first screen, and keeps it there', async () => {
    clock = at(3, 9);
    await save('Birch');
    expect(await shelf()).not.toContain('Birch');
    await save('Birch', { block: 4, progress: 0.3, pastFirstScreen: true });
    expect(await shelf()).toContain('Birch');
    // Scrolled back to the top, in a later session: still being read.
    await save('Birch', { block: 0, progress: 0, pastFirstScreen: false });
    expect(await shelf()).toContain('Birch');
  });

  it('puts an article opened on two different local days on the shelf, though it was never scrolled', async () => {
    clock = at(4, 23, 30);
    await save('Cedar');
    expect(await shelf()).not.toContain('Cedar');
    clock = at(5, 0, 15);
    await save('Cedar');
    expect(await shelf()).toContain('Cedar');
  });

  it('keeps a finished article off the shelf, even one read past its first screen on several days', async () => {
    clock = at(6, 9);
    await save('Dogwood', { block: 3, progress: 0.5, pastFirstScreen: true });
    expect(await shelf()).toContain('Dogwood');
    clock = at(7, 9);
    await save('Dogwood', { block: 9, progress: 0.99, pastFirstScreen: true });
    expect(await shelf()).not.toContain('Dogwood');
  });

  it('lists the most recently read first', async () => {
    clock = at(8, 9);
    await save('Elm', { block: 2, progress: 0.2, pastFirstScreen: true });
    clock = at(8, 10);
    await save('Fir', { block: 2, progress: 0.2, pastFirstScreen: true });
    expect((await shelf()).slice(0, 2)).toEqual(['Fir', 'Elm']);
  });
});

describe('dismissing an article from the shelf', () => {
  it('keeps it off after saves that do not read on, until a visit reads a screen further', async () => {
    clock = at(10, 9);
    await save('Ginkgo', { block: 5, progress: 0.4, pastFirstScreen: true });
    expect(await value('library.dismissContinue', { id: idOf('Ginkgo') })).toEqual({ dismissed: true });
    expect(events).toEqual([{ event: 'shelf.changed', payload: { id: idOf('Ginkgo') } }]);
    expect(await shelf()).not.toContain('Ginkgo');
    // Opened again the same day, at a search hit further on, and scrolled less than a screen: still dismissed.
    clock = at(10, 18);
    await save('Ginkgo', { block: 9, progress: 0.6, pastFirstScreen: false });
    await save('Ginkgo', { block: 10, progress: 0.62, pastFirstScreen: false });
    expect(await shelf()).not.toContain('Ginkgo');
    await save('Ginkgo', { block: 14, progress: 0.7, pastFirstScreen: true });
    expect(await shelf()).toContain('Ginkgo');
  });

  it('keeps it off until it is opened on a later day', async () => {
    clock = at(11, 9);
    await save('Hazel', { block: 5, progress: 0.4, pastFirstScreen: true });
    await value('library.dismissContinue', { id: idOf('Hazel') });
    clock = at(11, 23, 59);
    await save('Hazel', { block: 5, progress: 0.4 });
    expect(await shelf()).not.toContain('Hazel');
    clock = at(12, 8);
    await save('Hazel', { block: 5, progress: 0.4 });
    expect(await shelf()).toContain('Hazel');
  });

  it('puts it back with restore (undo), once', async () => {
    clock = at(13, 9);
    await save('Elm', { block: 2, progress: 0.2, pastFirstScreen: true });
    await value('library.dismissContinue', { id: idOf('Elm') });
    expect(await shelf()).not.toContain('Elm');
    expect(await value('library.restoreContinue', { id: idOf('Elm') })).toEqual({ restored: true });
    expect(await shelf()).toContain('Elm');
    expect(await value('library.restoreContinue', { id: idOf('Elm') })).toEqual({ restored: false });
    expect(events.map((e) => e.event)).toEqual(['shelf.changed', 'shelf.changed']);
  });

  it('answers dismissed: false for an article never opened, and refuses a malformed id naming the field', async () => {
    expect(await value('library.dismissContinue', { id: 'never-opened' })).toEqual({ dismissed: false });
    expect(events).toEqual([]);
    expect(await t.services.dispatch('library.dismissContinue', { id: '' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/id/) },
    });
    expect(
      await t.services.dispatch('position.set', {
        id: idOf('Elm'),
        anchor: { block: 0, offset: 0, quote: '' },
        progress: 0,
        pastFirstScreen: 'yes',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/pastFirstScreen/) },
    });
  });
});

describe('a user.db made by the landed version (user schema 1)', () => {
  it('migrates through 003 keeping its reading position, which stays on the shelf', async () => {
    const fixture = fileURLToPath(new URL('../library/db/__fixtures__/landed-user-v1/', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'offprint-shelf-'));
    try {
      cpSync(join(fixture, 'user.db'), join(dir, 'data', 'user.db'), { recursive: true });
      const s = startServices({
        dataDir: join(dir, 'data'),
        bundledContent: join(fixture, 'content'),
        workerUrl: fileURLToPath(new URL('../library/indexWorker.ts', import.meta.url)),
      });
      try {
        await s.ready;
        expect(s.deps.userDb.pragma('user_version', { simple: true })).toBe(userMigrations.at(-1)!.version);
        const harbour = 'N_CPK3_glnEnjyJh';
        expect(await s.dispatch('position.get', { id: harbour })).toMatchObject({
          ok: true,
          value: { id: harbour, block: 2, offset: 0, progress: 0.4 },
        });
        expect(await s.dispatch('library.continue', {})).toMatchObject({
          ok: true,
          value: [{ id: harbour, title: 'The harbour at dawn', progress: 0.4 }],
        });
      } finally {
        await s.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
