import type { Locator, Page } from 'playwright-core';
import { eventually } from '../support/poll';

/** The reader landmark: the article, hit stepping, find, reading settings, highlights and links. */
export class ReaderPage {
  readonly main: Locator;
  readonly article: Locator;
  readonly counter: Locator;
  readonly marks: Locator;
  readonly findBox: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main', { name: 'Reader' });
    this.article = page.getByRole('article');
    this.counter = this.main.getByRole('status');
    this.marks = this.article.locator('mark');
    this.findBox = page.getByRole('textbox', { name: 'Find in article', exact: true });
  }

  title(): Locator {
    return this.article.getByRole('heading', { level: 1 });
  }

  /** "Open original" in serve mode: downloads the article's file; resolves with the download's name and bytes. */
  async openOriginal(): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.main.getByRole('link', { name: 'Open original' }).click();
    const done = await download;
    const stream = await done.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: done.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  async waitForArticle(title: string): Promise<void> {
    await eventually(() => this.title().textContent()).toBe(title);
  }

  /** The marks of the current hit (a hit across formatting has several). */
  currentMarks(): Locator {
    return this.article.locator('mark.is-current');
  }

  async counterText(): Promise<string> {
    return ((await this.counter.textContent()) ?? '').trim();
  }

  /** The page of the current hit in a PDF, as the hit bar says it ("p. 3"). */
  async hitPageText(): Promise<string> {
    return ((await this.main.locator('.hit-page').textContent()) ?? '').trim();
  }

  /** The page marker the current hit follows: the last one before its block ("p. 3"), or null. */
  async pageMarkerOfCurrentHit(): Promise<string | null> {
    return this.currentMarks()
      .first()
      .evaluate((mark) => {
        type El = {
          previousElementSibling: El | null;
          parentElement: El | null;
          classList: { contains(c: string): boolean };
          textContent: string | null;
        };
        let block = mark as unknown as El;
        while (block.parentElement && !block.parentElement.classList.contains('article-body')) block = block.parentElement;
        for (let el = block.previousElementSibling; el; el = el.previousElementSibling)
          if (el.classList.contains('page-marker')) return el.textContent?.trim() ?? null;
        return null;
      });
  }

  async nextHit(): Promise<void> {
    await this.main.getByRole('button', { name: 'Next hit', exact: true }).click();
  }

  async previousHit(): Promise<void> {
    await this.main.getByRole('button', { name: 'Previous hit', exact: true }).click();
  }

  async findInArticle(text: string): Promise<void> {
    await this.article.focus();
    await this.page.keyboard.press('Control+f');
    await this.findBox.fill(text);
  }

  async openReadingSettings(): Promise<Locator> {
    const button = this.main.getByRole('button', { name: 'Reading settings' });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return this.main.getByRole('group', { name: 'Reading settings' });
  }

  /** Picks a theme by the name the settings panel shows for it. */
  async setTheme(theme: string): Promise<void> {
    const panel = await this.openReadingSettings();
    await panel.getByRole('radio', { name: theme, exact: true }).check();
  }

  async largerText(): Promise<void> {
    const panel = await this.openReadingSettings();
    await panel.getByRole('button', { name: 'Larger text' }).click();
  }

  /** Selects the whole text of the smallest element containing `text`, then keeps it with the Highlight button. */
  async highlight(text: string): Promise<void> {
    await this.article.getByText(text).first().selectText();
    await this.main.getByRole('button', { name: 'Highlight', exact: true }).click();
  }

  /**
   * Drags the mouse from the first character of `from` to the last of `to`, as a reader selects: the
   * ends may be in different paragraphs and in the middle of words. Each must lie in one text node.
   */
  async dragSelect(from: string, to: string): Promise<void> {
    const ends = await this.article.evaluate(
      (root, [a, b]) => {
        // This runs in the page; the tests are compiled without the DOM's types, so it names what it uses.
        const SHOW_TEXT = 4;
        const document = (globalThis as unknown as { document: BrowserDocument }).document;
        const charBox = (text: string, last: boolean) => {
          const walker = document.createTreeWalker(root, SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const at = (n.textContent ?? '').indexOf(text);
            if (at === -1) continue;
            const i = last ? at + text.length - 1 : at;
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const r = range.getBoundingClientRect();
            return { x: last ? r.right - 1 : r.left + 1, y: r.top + r.height / 2 };
          }
          throw new Error(`No text node holds “${text}”.`);
        };
        return [charBox(a!, false), charBox(b!, true)];
      },
      [from, to],
    );
    await this.page.mouse.move(ends[0]!.x, ends[0]!.y);
    await this.page.mouse.down();
    await this.page.mouse.move(ends[1]!.x, ends[1]!.y, { steps: 8 });
    await this.page.mouse.up();
  }

  highlights(): Locator {
    return this.article.locator('.highlight');
  }

  async openHighlightsPanel(): Promise<Locator> {
    const button = this.main.getByRole('button', { name: 'Highlights', exact: true });
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    return this.main.getByRole('region', { name: 'Highlights' });
  }

  /** Opens the Contents panel (if it is not open) and returns its list of headings. */
  async openContents(): Promise<Locator> {
    const button = this.main.getByRole('button', { name: 'Contents', exact: true });
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    return this.main.getByRole('navigation', { name: 'Table of contents' });
  }

  async back(): Promise<void> {
    await this.main.getByRole('button', { name: 'Back', exact: true }).click();
  }

  async forward(): Promise<void> {
    await this.main.getByRole('button', { name: 'Forward', exact: true }).click();
  }

  /** Follows a link in the article's text. */
  async followLink(name: string): Promise<void> {
    await this.article.getByRole('link', { name, exact: true }).click();
  }

  /** True when the whole element is inside the window. */
  async isInView(locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const size = this.page.viewportSize();
    return !!box && !!size && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
  }

  async hasFocus(): Promise<boolean> {
    return this.article.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement);
  }

  /** The distinct hits marked in the article (marks of one hit share data-hit). */
  async hitIds(): Promise<string[]> {
    const ids = await this.marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-hit') ?? ''));
    return [...new Set(ids)];
  }

  /** Scrolls the reader so the paragraph containing `text` is at the top. */
  /** The paragraph with the text is the one being read: it covers the first full line under the reader's top edge. */
  async isNearTop(text: string): Promise<boolean> {
    const box = await this.article.getByText(text).first().boundingBox();
    const scroller = await this.main.locator('.reader-scroll').boundingBox();
    const line = scroller ? scroller.y + 40 : 0;
    return !!box && box.y <= line && box.y + box.height >= line;
  }

  async scrollToText(text: string): Promise<void> {
    await this.article
      .getByText(text)
      .first()
      .evaluate((el) => (el as unknown as { scrollIntoView: (o: object) => void }).scrollIntoView({ block: 'start' }));
  }
}

/** The little of the DOM that dragSelect uses in the page. */
interface BrowserDocument {
  createTreeWalker(root: unknown, show: number): { nextNode(): { textContent: string | null } | null };
  createRange(): {
    setStart(node: unknown, offset: number): void;
    setEnd(node: unknown, offset: number): void;
    getBoundingClientRect(): { left: number; right: number; top: number; height: number };
  };
}
