/**
 * UI latencies (issue 6), through the real serve mode in Chromium (the E2E harness's browser):
 *  - keystroke_p95: from the keydown of a query's last character to the first painted frame that shows
 *    that query's results (or its "no results" state); p95
 *    over 50 queries from the run's queries.json.
 *  - open_1mb: from the click on a search result to the first painted frame of a 1 MB article in the
 *    reader (its title and text in the DOM, then the frame after that rendered); median of 5 openings.
 * How each time is taken in the page: bench/ui/probe.ts. Full runs of bench/run.ts call measureUi();
 * quick runs and --no-ui skip it. On its own: `node --import tsx bench/ui.ts --label gcide-20000`
 * (needs bench/tmp/<label>/files and queries.json from an earlier bench run) prints the JSON.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/browser.ts';
import { ENWIKI_DEFAULT_PATH } from './corpus/enwiki.ts';
import type { Query, QueryClass } from './queries.ts';
import { paths, readQueries } from './systems/common.ts';
import { percentile, round, summarize, type Summary } from './stats.ts';
import { ensureArticle, type BuiltArticle } from './ui/article.ts';
import { PROBE_SCRIPT, type AnswerShown, type ApiCall, type ArticleShown, type LongFrame, type ProbeResult } from './ui/probe.ts';
import { startBenchServe } from './ui/serve.ts';
import { mainThreadProfile, requestCpu, type RequestCpu } from './ui/serveProfile.ts';

export interface UiTimings {
  keystroke_p95: number | null;
  open_1mb: number | null;
}

/** The classes a person types (the "common" class, `the`/`of`/`a`, is the engine's worst case and has its own target). */
export const UI_CLASSES = ['single', 'two', 'phrase', 'prefix', 'substring'] as const satisfies readonly QueryClass[];
export const UI_PER_CLASS = 10;
const UI_WARMUP_PER_CLASS = 2;
export const OPEN_RUNS = 5;
/** A bundled article to open between two openings of the 1 MB one, so each opening replaces another article. */
const AWAY_QUERY = 'binance';
const VIEWPORT = { width: 1440, height: 900 };
const RESULT_TIMEOUT_MS = 30_000;

export interface KeystrokeRun {
  cls: QueryClass;
  q: string;
  /** keydown → first painted frame with the results of `q`. */
  ms: number;
  /** keydown → the React commit that put them in the DOM. */
  dom_ms: number;
  /** Results in the list (the first page) and the count the page shows. */
  items: number;
  status: string;
  /** keydown → the search request leaves: the input's render and the loading state's (there is no debounce). */
  to_request_ms: number;
  /** The search.query request, start to last byte; server_ms is its time to first byte (on loopback, mostly the server's work). */
  request_ms: number;
  server_ms: number;
  /** highlights.search, which runs beside it; the results wait for both. */
  highlights_request_ms: number;
  /** The later response's last byte → the commit: JSON parse, setState, React render and commit. */
  response_to_dom_ms: number;
  /** The commit → the painted frame: waiting for the frame, style, layout, paint. */
  dom_to_paint_ms: number;
}

export interface OpenRun {
  /** click → first painted frame of the article's title and text. */
  ms: number;
  dom_ms: number;
  /** click → the main thread's first idle period after that paint (the reader's post-paint effects done). */
  idle_ms: number;
  /**
   * click → every block in the DOM (the article's data-complete, checked each frame): a long article
   * paints the blocks where it opens first, then gets and renders the rest in idle periods.
   */
  complete_ms: number;
  to_request_ms: number;
  /** article.get: start to last byte; server_ms its time to first byte; download_ms the body's transfer. */
  request_ms: number;
  server_ms: number;
  download_ms: number;
  response_bytes: number;
  response_to_dom_ms: number;
  dom_to_paint_ms: number;
  blocks: number;
  chars: number;
  /** Frames over 50 ms between the click and the idle point (long-animation-frame): where the main thread went. */
  long_frames: {
    duration_ms: number;
    script_ms: number;
    style_layout_ms: number;
    paint_etc_ms: number;
    scripts: { invoker: string; ms: number; forced_layout_ms: number }[];
  }[];
}

export interface UiDetail {
  how: string;
  browser: string;
  viewport: { width: number; height: number };
  serve_ready_s: number;
  article: Omit<BuiltArticle, 'dir' | 'file' | 'reused' | 'sources'> & { sources: number };
  keystroke: Summary & {
    byClass: Partial<Record<QueryClass, Summary>>;
    /** p50 and p95 of each part of the keystroke time (see KeystrokeRun). */
    parts: Record<
      'to_request_ms' | 'request_ms' | 'server_ms' | 'highlights_request_ms' | 'response_to_dom_ms' | 'dom_to_paint_ms',
      { p50: number; p95: number }
    >;
    runs: KeystrokeRun[];
    /** Typed the same way before timing starts. */
    warmup: string[];
  };
  open_1mb: { median: number; runs: OpenRun[] };
  /**
   * With `profile`: CPU of serve's main thread over the whole session (warm-ups, prefixes and the
   * bundled article's openings included), by request (the library call's subtree) and busiest functions.
   */
  serve_cpu?: { file: string; by_request: Record<string, RequestCpu> };
}

export interface UiMeasurement extends UiTimings {
  detail: UiDetail;
}

const HOW = [
  "Serve mode (main/serve/main.ts) over the run's files plus the 1 MB article, driven by Chromium (playwright-core, headless, 1440×900); all times are performance.now() in the page.",
  'keystroke: clear the search box, fill all but the last character, wait until those results are shown and painted, then press the last key. Time from the keydown (capture listener on window) to the end of the first frame after the search landmark\'s data-answered equals the query (requestAnimationFrame, then setTimeout 0). Zero results count when the "no results" state is painted. Each keystroke searches at once (no debounce); a newer search cancels the older.',
  `open_1mb: search for the article's title, then click its result (after first opening a bundled article, so each opening replaces another). Time from the click event to the end of the first frame in which the reader's <article> holds the title and the text: a long article sends and renders the blocks where it opens first (\`blocks\` counts them), the rest after it is painted; complete_ms is the click to every block in the DOM. Median of ${OPEN_RUNS}.`,
].join(' ');

const r1 = (x: number) => round(x, 1);

/** The first UI_PER_CLASS queries of each typed class, in queries.json's (shuffled) order; the next few warm up. */
export function pickQueries(all: readonly Query[]): { measured: Query[]; warmup: Query[] } {
  const measured: Query[] = [];
  const warmup: Query[] = [];
  const seen = new Map<QueryClass, number>();
  for (const q of all) {
    if (!(UI_CLASSES as readonly QueryClass[]).includes(q.cls)) continue;
    const n = seen.get(q.cls) ?? 0;
    seen.set(q.cls, n + 1);
    if (n < UI_PER_CLASS) measured.push(q);
    else if (n < UI_PER_CLASS + UI_WARMUP_PER_CLASS) warmup.push(q);
  }
  return { measured, warmup };
}

/** page.evaluate of a string (CDP evaluates it outside the page's CSP, which forbids eval and so page.waitForFunction). */
const untilAnswered = (page: Page, q: string) =>
  page.evaluate(`window.__uiBench.untilAnswered(${JSON.stringify(q)}, ${RESULT_TIMEOUT_MS})`);
/** Two frames and a short pause: whatever the last change set off has run. */
const settle = (page: Page) =>
  page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))');

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search', exact: true });
}

async function showAnswer(page: Page, q: string): Promise<void> {
  await searchBox(page).fill(q);
  await untilAnswered(page, q.trim());
  await settle(page);
}

const lastCall = (api: ApiCall[], name: string): ApiCall | undefined => api.filter((c) => c.name === name).at(-1);

async function keystroke(page: Page, query: Query): Promise<KeystrokeRun> {
  const chars = Array.from(query.q);
  const last = chars.pop()!;
  const prefix = chars.join('');
  const box = searchBox(page);
  await box.fill('');
  await untilAnswered(page, '');
  if (prefix.trim() !== '') await showAnswer(page, prefix);
  await box.focus();
  await page.evaluate(`window.__uiBench.armAnswer(${JSON.stringify(query.q.trim())})`);
  await page.keyboard.press(last);
  const r = (await page.evaluate(`window.__uiBench.result(${RESULT_TIMEOUT_MS})`)) as ProbeResult<AnswerShown>;
  if (r.start === null) throw new Error(`no keydown reached the page for the last key of “${query.q}”`);
  const key = r.start;
  const search = lastCall(r.api, 'search.query');
  const highlights = lastCall(r.api, 'highlights.search');
  if (!search || !highlights) throw new Error(`no search request seen for “${query.q}”: ${JSON.stringify(r.api)}`);
  return {
    cls: query.cls,
    q: query.q,
    ms: r1(r.paint - key),
    dom_ms: r1(r.dom - key),
    items: r.shown.items,
    status: r.shown.noResults ? `${r.shown.status} (no results shown)` : r.shown.status,
    to_request_ms: r1(search.start - key),
    request_ms: r1(search.end - search.start),
    server_ms: r1(search.responseStart - search.requestStart),
    highlights_request_ms: r1(highlights.end - highlights.start),
    response_to_dom_ms: r1(r.dom - Math.max(search.end, highlights.end)),
    dom_to_paint_ms: r1(r.paint - r.dom),
  };
}

function frameParts(f: LongFrame): OpenRun['long_frames'][number] {
  const end = f.start + f.duration;
  const render = f.renderStart > 0 ? f.renderStart : end;
  const layout = f.styleAndLayoutStart > 0 ? f.styleAndLayoutStart : end;
  return {
    duration_ms: r1(f.duration),
    script_ms: r1(render - f.start),
    style_layout_ms: r1(end - layout),
    paint_etc_ms: r1(layout - render),
    scripts: f.scripts
      .filter((s) => s.duration >= 5)
      .map((s) => ({ invoker: s.invoker, ms: r1(s.duration), forced_layout_ms: r1(s.forcedStyleAndLayout) })),
  };
}

async function openOnce(page: Page, title: string): Promise<OpenRun> {
  // Away first: a bundled article, so the 1 MB one replaces it as a user's second opening would.
  await showAnswer(page, AWAY_QUERY);
  const list = page.getByRole('list', { name: 'Search results', exact: true });
  await list.getByRole('button').first().click();
  await page.evaluate(`window.__uiBench.untilOtherArticle(${JSON.stringify(title)}, ${RESULT_TIMEOUT_MS})`);
  await settle(page);

  await showAnswer(page, title);
  const result = list
    .getByRole('button')
    .filter({ has: page.locator('.result-title', { hasText: title }) })
    .first();
  await result.scrollIntoViewIfNeeded();
  await page.evaluate(`window.__uiBench.armOpen(${JSON.stringify(title)})`);
  await result.click();
  const r = (await page.evaluate(`window.__uiBench.result(${RESULT_TIMEOUT_MS})`)) as ProbeResult<ArticleShown>;
  if (r.start === null) throw new Error('no click reached the page');
  const click = r.start;
  const complete = (await page.evaluate(`window.__uiBench.untilComplete(${RESULT_TIMEOUT_MS})`)) as number;
  const get = lastCall(r.api, 'article.get');
  if (!get) throw new Error(`no article.get request seen: ${JSON.stringify(r.api)}`);
  const responsesEnd = Math.max(...r.api.filter((c) => c.name === 'article.get' || c.name === 'position.get').map((c) => c.end));
  return {
    ms: r1(r.paint - click),
    dom_ms: r1(r.dom - click),
    idle_ms: r1(r.idle - click),
    complete_ms: r1(complete - click),
    to_request_ms: r1(get.start - click),
    request_ms: r1(get.end - get.start),
    server_ms: r1(get.responseStart - get.requestStart),
    download_ms: r1(get.end - get.responseStart),
    response_bytes: get.bytes,
    response_to_dom_ms: r1(r.dom - responsesEnd),
    dom_to_paint_ms: r1(r.paint - r.dom),
    blocks: r.shown.blocks,
    chars: r.shown.chars,
    long_frames: r.frames.map(frameParts),
  };
}

function partSummary(runs: KeystrokeRun[], key: keyof UiDetail['keystroke']['parts']): { p50: number; p95: number } {
  const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
  return { p50: r1(percentile(sorted, 50)), p95: r1(percentile(sorted, 95)) };
}

const log = (msg: string) => process.stderr.write(`  ui: ${msg}\n`);

export interface MeasureUiOptions {
  /** bench/tmp/<label>: files/ and queries.json from prepare.ts. */
  work: string;
  label: string;
  /** Where the 1 MB article's text comes from (the enwiki sample). */
  enwikiPath?: string;
  /** Run serve under --cpu-prof (into <work>/ui-cpuprofile) and add its main thread's top functions. */
  profile?: boolean;
}

export async function measureUi({
  work,
  label,
  enwikiPath = ENWIKI_DEFAULT_PATH,
  profile = false,
}: MeasureUiOptions): Promise<UiMeasurement> {
  const article = ensureArticle(resolve(import.meta.dirname, 'tmp', 'ui-1mb'), enwikiPath);
  log(`${article.reused ? 'reusing' : 'built'} the 1 MB article (${article.body_bytes} bytes of body, ${article.paragraphs} paragraphs)`);
  const { measured, warmup } = pickQueries(readQueries(work));
  const serveLog = join(work, 'ui-serve.log');
  log(`starting serve over ${label} (log: ${serveLog})`);
  const profDir = join(work, 'ui-cpuprofile');
  if (profile) rmSync(profDir, { recursive: true, force: true });
  const serve = await startBenchServe([paths(work).files, article.dir], serveLog, {
    nodeFlags: profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
  });
  let browser: Browser | undefined;
  let result: UiMeasurement;
  try {
    log(`serve ready after ${serve.ready_s} s; starting Chromium`);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    await context.addInitScript(PROBE_SCRIPT);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(serve.url);
    // The page drops the token from its address by loading itself again; measure the page that stays.
    await page.waitForURL((u) => !u.searchParams.has('token'), { waitUntil: 'load' });
    await searchBox(page).waitFor();

    log(`keystrokes: ${warmup.length} warm-up, then ${measured.length} timed`);
    for (const q of warmup) await keystroke(page, q);
    const runs: KeystrokeRun[] = [];
    for (const q of measured) runs.push(await keystroke(page, q));

    log(`opening the 1 MB article ${OPEN_RUNS} times`);
    const opens: OpenRun[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) opens.push(await openOnce(page, article.title));
    if (pageErrors.length > 0) throw new Error(`the page threw: ${pageErrors.join('; ')}`);

    const ks = summarize(
      runs.map((r) => r.ms),
      runs.map((r) => r.items),
    );
    const byClass: Partial<Record<QueryClass, Summary>> = {};
    for (const cls of UI_CLASSES) {
      const of = runs.filter((r) => r.cls === cls);
      byClass[cls] = summarize(
        of.map((r) => r.ms),
        of.map((r) => r.items),
      );
    }
    const openMedian = r1(
      percentile(
        [...opens.map((o) => o.ms)].sort((a, b) => a - b),
        50,
      ),
    );
    const detail: UiDetail = {
      how: HOW,
      browser: `Chromium ${browser.version()}`,
      viewport: VIEWPORT,
      serve_ready_s: serve.ready_s,
      article: {
        title: article.title,
        body_bytes: article.body_bytes,
        file_bytes: article.file_bytes,
        paragraphs: article.paragraphs,
        sources: article.sources.length,
      },
      keystroke: {
        ...ks,
        byClass,
        parts: {
          to_request_ms: partSummary(runs, 'to_request_ms'),
          request_ms: partSummary(runs, 'request_ms'),
          server_ms: partSummary(runs, 'server_ms'),
          highlights_request_ms: partSummary(runs, 'highlights_request_ms'),
          response_to_dom_ms: partSummary(runs, 'response_to_dom_ms'),
          dom_to_paint_ms: partSummary(runs, 'dom_to_paint_ms'),
        },
        runs,
        warmup: warmup.map((q) => q.q),
      },
      open_1mb: { median: openMedian, runs: opens },
    };
    result = { keystroke_p95: ks.p95, open_1mb: openMedian, detail };
  } finally {
    await browser?.close();
    await serve.stop();
  }
  const prof = profile && existsSync(profDir) ? mainThreadProfile(profDir) : null;
  if (prof) result.detail.serve_cpu = { file: prof, by_request: requestCpu(prof) };
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: { label: { type: 'string' }, enwiki: { type: 'string' }, profile: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.label) {
    process.stderr.write('Usage: node --import tsx bench/ui.ts --label gcide-20000 [--enwiki FILE] [--profile]\n');
    process.exit(2);
  }
  const work = resolve(import.meta.dirname, 'tmp', values.label);
  const result = await measureUi({
    work,
    label: values.label,
    profile: values.profile,
    ...(values.enwiki ? { enwikiPath: resolve(values.enwiki) } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
}
