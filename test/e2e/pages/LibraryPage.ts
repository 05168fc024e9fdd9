import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, eventually, startsWithTitle } from '../support/poll';
import { opening } from './opening';

/** The library landmark: every article, sorting and folders, the shelf and the index status. */
export class LibraryPage {
  readonly landmark: Locator;
  readonly list: Locator;
  readonly shelf: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.landmark = page.getByRole('navigation', { name: 'Library' });
    this.list = this.landmark.getByRole('list', { name: 'Articles' });
    this.shelf = this.landmark.getByRole('region', { name: 'Continue reading' });
    this.status = this.landmark.getByRole('status').first();
  }

  rows(): Locator {
    return this.list.getByRole('button');
  }

  /** The titles of the rows on screen, once the first page has loaded. */
  async titles(): Promise<string[]> {
    await eventually(() => this.rows().count()).toBeGreaterThan(1);
    return this.list.locator('.row-title').allTextContents();
  }

  row(title: string): Locator {
    return this.list.getByRole('button', { name: startsWithTitle(title) });
  }

  /** Opens a row and waits until the reader has started that opening (the same article may be on screen already). */
  async open(title: string): Promise<void> {
    await opening(this.page, () => this.row(title).click());
  }

  /** Picks a sort and waits until the rows shown are in it, as the landmark announces. */
  async sortBy(sort: 'Newest first' | 'By title'): Promise<void> {
    await this.landmark.getByRole('combobox', { name: 'Sort library' }).selectOption({ label: sort });
    await eventually(() => this.landmark.getAttribute('data-sort'), `the library sorted ${sort.toLowerCase()}`).toBe(
      sort === 'By title' ? 'title' : 'date',
    );
  }

  /** Resolves once the add is answered: the form closes (added), or an alert says why not. */
  async addFolder(path: string): Promise<void> {
    await this.landmark.getByRole('button', { name: 'Add folder…' }).click();
    const field = this.landmark.getByRole('textbox', { name: 'Folder path' });
    await field.fill(path);
    await this.landmark.getByRole('button', { name: 'Add', exact: true }).click();
    // Until then the Folders section is open for the form, and folds back after: a caller reading its state must wait.
    const settled = [field.waitFor({ state: 'hidden' }), this.landmark.getByRole('alert').waitFor()];
    await Promise.race(settled.map((p) => p.catch(() => undefined)));
  }

  /** Unfolds the Folders section (folded by default) and returns its list. */
  async showFolders(): Promise<Locator> {
    const toggle = this.landmark.getByRole('button', { name: /^Folders/u });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.landmark.getByRole('list', { name: 'Folders' });
  }

  /** "Add files…" in serve mode: the page's file picker, given `paths`. Resolves once they are chosen. */
  async addFiles(paths: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.landmark.getByRole('button', { name: 'Add files…' }).click();
    await (await chooser).setFiles(paths);
  }

  /** What the last add, rescan or removal said under the folders. */
  folderMessage(): Locator {
    return this.landmark.locator('.folder-message');
  }

  /** Picks a format (or "All formats") and waits until the rows shown are filtered by it, as the landmark announces. */
  async filterByFormat(label: 'All formats' | 'Text' | 'Markdown' | 'HTML' | 'EPUB'): Promise<void> {
    const values = { 'All formats': 'all', Text: 'txt', Markdown: 'markdown', HTML: 'html', EPUB: 'epub' } as const;
    await this.landmark.getByRole('combobox', { name: 'Format' }).selectOption({ label });
    await eventually(() => this.landmark.getAttribute('data-format'), `the library filtered to ${label}`).toBe(values[label]);
  }

  /** The format label a row shows. */
  formatOf(title: string): Promise<string | null> {
    return this.row(title).locator('.row-format').textContent();
  }

  async filterByFolder(label: string): Promise<void> {
    await this.landmark.getByRole('combobox', { name: 'Folder' }).selectOption({ label });
  }

  /** A card on the Continue reading shelf: its name is the title, then the progress. */
  shelfCard(title: string): Locator {
    return this.shelf.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`, 'u') });
  }

  /** Every card on the shelf, in order (each card's own button, not its remove button). */
  shelfCards(): Locator {
    return this.shelf.getByRole('listitem').getByRole('button', { name: /^(?!Remove “)/u });
  }

  shelfRemoveButton(title: string): Locator {
    return this.shelf.getByRole('button', { name: `Remove “${title}” from Continue reading`, exact: true });
  }

  /** True when the whole card is inside the visible part of the shelf's scrolling list. */
  async isInShelfView(card: Locator): Promise<boolean> {
    const box = await card.boundingBox();
    const list = await this.shelf.getByRole('list').boundingBox();
    return !!box && !!list && box.x >= list.x - 0.5 && box.x + box.width <= list.x + list.width + 0.5;
  }

  /** The rows of the folder list: each says its path and how many articles it holds. */
  folderRows(): Locator {
    return this.landmark.getByRole('list', { name: 'Folders' }).getByRole('listitem');
  }

  /**
   * Starts keeping every text the index status line shows, however briefly; the function it returns
   * gives them in order. An import's phases can pass faster than a poll could see them.
   */
  async followStatus(): Promise<() => Promise<string[]>> {
    const handle = await this.status.evaluateHandle((el) => {
      type Observer = new (changed: () => void) => { observe: (node: unknown, options: object) => void };
      const { MutationObserver } = globalThis as unknown as { MutationObserver: Observer };
      const seen = [el.textContent ?? ''];
      new MutationObserver(() => {
        const text = el.textContent ?? '';
        if (text !== seen.at(-1)) seen.push(text);
      }).observe(el, { childList: true, characterData: true, subtree: true });
      return seen;
    });
    return () => handle.jsonValue();
  }

  /** How many articles the folder list says a folder holds (the Folders section must be shown). */
  async folderCount(root: string): Promise<string> {
    const row = this.folderRows().filter({ has: this.page.getByTitle(root, { exact: true }) });
    return ((await row.locator('.folder-count').textContent()) ?? '').trim();
  }

  problemsButton(): Locator {
    return this.landmark.getByRole('button', { name: /^Import problems/ });
  }
}
