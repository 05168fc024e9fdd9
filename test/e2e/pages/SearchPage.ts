import type { Locator, Page } from 'playwright-core';
import { eventually, startsWithTitle } from '../support/poll';
import { opening } from './opening';

/** The search landmark: the one searchbox, the total, the sort toggle and the results. */
export class SearchPage {
  readonly landmark: Locator;
  readonly box: Locator;
  readonly results: Locator;
  readonly total: Locator;
  readonly highlightMatches: Locator;

  constructor(readonly page: Page) {
    this.landmark = page.getByRole('search');
    this.box = page.getByRole('searchbox', { name: 'Search', exact: true });
    this.results = page.getByRole('list', { name: 'Search results', exact: true });
    this.total = this.landmark.getByRole('status');
    this.highlightMatches = page.getByRole('list', { name: 'Matching highlights' });
  }

  /** Types a query and waits until the results shown answer it. */
  async searchFor(query: string): Promise<void> {
    await this.box.fill(query);
    await this.waitForAnswer(query);
  }

  /** Waits until the results shown answer `query` (in `sort`, when given), as the landmark announces. */
  async waitForAnswer(query: string, sort?: 'relevance' | 'date'): Promise<void> {
    const answered = async () => ({
      query: await this.landmark.getAttribute('data-answered'),
      ...(sort ? { sort: await this.landmark.getAttribute('data-answered-sort') } : {}),
    });
    const expected = { query: query.trim(), ...(sort ? { sort } : {}) };
    await eventually(answered, `results for “${query}”${sort ? ` by ${sort}` : ''}`).toEqual(expected);
  }

  /** How many late answers the search dropped because a newer query was asked meanwhile. */
  async supersededAnswers(): Promise<number> {
    return Number(await this.landmark.getAttribute('data-superseded'));
  }

  async totalText(): Promise<string> {
    return ((await this.total.textContent()) ?? '').trim();
  }

  resultItems(): Locator {
    return this.results.getByRole('listitem');
  }

  /** The button that opens a result; its name starts with the article's title. */
  resultButton(title: string): Locator {
    return this.results.getByRole('button', { name: startsWithTitle(title) });
  }

  async resultTitles(): Promise<string[]> {
    return this.results.locator('.result-title').allTextContents();
  }

  /** Opens a result and waits until the reader has started that opening (the same article may be on screen already). */
  async openResult(title: string): Promise<void> {
    await opening(this.page, () => this.resultButton(title).click());
  }

  /** Picks a sort and waits until the results shown are in it (the button turns pressed at once, the answer comes later). */
  async sortBy(sort: 'Relevance' | 'Date'): Promise<void> {
    const query = await this.box.inputValue();
    await this.landmark.getByRole('button', { name: sort, exact: true }).click();
    await this.waitForAnswer(query, sort === 'Relevance' ? 'relevance' : 'date');
  }

  async focusWithSlash(): Promise<void> {
    await this.page.locator('body').press('/');
  }
}
