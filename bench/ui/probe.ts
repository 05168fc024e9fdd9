/**
 * The in-page half of the UI timings, installed with page.addInitScript before the app loads. It is
 * plain JavaScript in a string because bench/ is type-checked without the DOM library.
 *
 * Clocks: everything is performance.now() in the page, so Playwright's own round trips never count.
 *  - start: a capture-phase keydown (or click) listener on window, which runs before any of the app's
 *    listeners (React listens on its root element).
 *  - dom: a MutationObserver callback, the microtask right after the React commit that made the
 *    awaited condition true (the results of that query, or the opened article, are in the DOM).
 *  - paint: requestAnimationFrame, then setTimeout 0 from inside it. The rAF callback runs just before
 *    the next frame's style, layout and paint; the task it queues runs once that frame has been
 *    rendered. So `paint` is the end of the first frame that shows the change.
 *
 * Resource timing of the /api/* requests made since arming, and long-animation-frame entries (frames
 * over 50 ms, with their script and style/layout parts), come back with each result for the breakdown.
 */
export const PROBE_SCRIPT = String.raw`(() => {
  const now = () => performance.now();
  let keyAt = null;
  let clickAt = null;
  let pending = null;
  let frames = [];
  addEventListener('keydown', () => { keyAt = now(); }, true);
  addEventListener('click', () => { clickAt = now(); }, true);
  let loaf = null;
  try {
    loaf = new PerformanceObserver((list) => { for (const e of list.getEntries()) frames.push(e); });
    loaf.observe({ type: 'long-animation-frame', buffered: false });
  } catch { loaf = null; /* no LoAF: the breakdown goes without it */ }
  performance.setResourceTimingBufferSize(5000);

  const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(now()), 0)));
  const apiCalls = (since) => performance.getEntriesByType('resource')
    .filter((e) => e.startTime >= since - 1 && e.name.includes('/api/') && !e.name.endsWith('/api/events'))
    .map((e) => ({
      name: decodeURIComponent(e.name.slice(e.name.lastIndexOf('/api/') + 5)),
      start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, end: e.responseEnd,
      bytes: e.encodedBodySize,
    }));
  // Observers deliver their entries in a later task; takeRecords() collects what is still queued.
  const longFrames = (since) => frames.concat(loaf ? loaf.takeRecords() : []).filter((f) => f.startTime + f.duration >= since).map((f) => ({
    start: f.startTime, duration: f.duration, renderStart: f.renderStart, styleAndLayoutStart: f.styleAndLayoutStart,
    blockingDuration: f.blockingDuration,
    scripts: (f.scripts || []).map((s) => ({ invoker: s.invoker, start: s.startTime, duration: s.duration, forcedStyleAndLayout: s.forcedStyleAndLayoutDuration })),
  }));

  // Waits for cond() to turn true after the next user input, then for the frame that shows it.
  function arm(root, options, cond, snapshot, startOf) {
    if (cond()) throw new Error('the awaited state is already shown before the input');
    keyAt = null;
    clickAt = null;
    frames = [];
    performance.clearResourceTimings();
    const armedAt = now();
    pending = new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (!cond()) return;
        mo.disconnect();
        const dom = now();
        const shown = snapshot();
        painted().then((paint) => {
          const start = startOf();
          const idle = new Promise((r) => requestIdleCallback(() => r(now()), { timeout: 5000 }));
          // Chromium may report a long frame a little after it ends: give it 100 ms before collecting.
          idle.then((idleAt) => setTimeout(() => resolve({ start, dom, paint, idle: idleAt, shown, api: apiCalls(armedAt), frames: longFrames(start ?? armedAt) }), 100));
        });
      });
      mo.observe(root, options);
    });
  }

  function until(cond, timeoutMs, what) {
    const t0 = now();
    return new Promise((resolve, fail) => {
      const check = () => {
        if (cond()) resolve(true);
        else if (now() - t0 > timeoutMs) fail(new Error('timed out after ' + timeoutMs + ' ms waiting for ' + what));
        else requestAnimationFrame(check);
      };
      check();
    });
  }

  const searchLandmark = () => document.querySelector('[role="search"]');
  window.__uiBench = {
    /** Before the last keystroke of q: resolves once the results answering q (or "no results") are painted. */
    armAnswer(q) {
      const landmark = searchLandmark();
      arm(landmark, { attributes: true, attributeFilter: ['data-answered'] },
        () => landmark.getAttribute('data-answered') === q,
        () => {
          const list = document.querySelector('ul[aria-label="Search results"]');
          return {
            items: list ? list.children.length : 0,
            status: (landmark.querySelector('[role="status"]')?.textContent ?? '').trim(),
            noResults: !!landmark.querySelector('.results-scroll')?.textContent?.includes('No results for'),
          };
        },
        () => keyAt);
    },
    /** Before clicking a result: resolves once the reader's article with this title is painted with its text. */
    armOpen(title) {
      const reader = document.getElementById('reader');
      const article = () => reader.querySelector('article');
      arm(reader, { childList: true, subtree: true },
        () => {
          const a = article();
          return !!a && a.querySelector('h1')?.textContent === title && !!a.querySelector('.article-body')?.firstElementChild;
        },
        () => ({ blocks: article().querySelector('.article-body').children.length, chars: article().textContent.length }),
        () => clickAt);
    },
    /** Polls each frame until the search landmark says its results answer q (page.waitForFunction would need eval, which the CSP forbids). */
    untilAnswered(q, timeoutMs) {
      return until(() => searchLandmark()?.getAttribute('data-answered') === q, timeoutMs, 'results for ' + JSON.stringify(q));
    },
    /** Polls each frame until the reader's article has every block in the DOM (it says data-complete); resolves with that time. */
    untilComplete(timeoutMs) {
      return until(() => document.querySelector('#reader article')?.getAttribute('data-complete') === 'true', timeoutMs, 'every block').then(() => performance.now());
    },
    /** Polls until the reader shows an article other than the one with this title. */
    untilOtherArticle(title, timeoutMs) {
      return until(() => { const h = document.querySelector('#reader article h1'); return !!h && h.textContent !== title; }, timeoutMs, 'another article');
    },
    result(timeoutMs) {
      const p = pending;
      pending = null;
      if (!p) return Promise.reject(new Error('not armed'));
      return Promise.race([p, new Promise((_, fail) => setTimeout(() => fail(new Error('timed out after ' + timeoutMs + ' ms')), timeoutMs))]);
    },
  };
})();`;

/** What result() resolves with (times are the page's performance.now(), in ms). */
export interface ProbeResult<Shown> {
  /** The keydown or click; null if none reached the page (then the sample is invalid). */
  start: number | null;
  dom: number;
  paint: number;
  /** The first idle period after the paint: the app's post-paint effects are done by then. */
  idle: number;
  shown: Shown;
  api: ApiCall[];
  frames: LongFrame[];
}

export interface ApiCall {
  name: string;
  start: number;
  requestStart: number;
  responseStart: number;
  end: number;
  bytes: number;
}

export interface LongFrame {
  start: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: { invoker: string; start: number; duration: number; forcedStyleAndLayout: number }[];
}

export interface AnswerShown {
  items: number;
  status: string;
  noResults: boolean;
}

export interface ArticleShown {
  blocks: number;
  chars: number;
}
