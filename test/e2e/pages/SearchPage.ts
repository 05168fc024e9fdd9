import type { Locator, Page } from 'playwright-core';
import { eventually, startsWithTitle } from '../support/poll';

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

  async waitForAnswer(query: string): Promise<void> {
    await eventually(() => this.landmark.getAttribute('data-answered'), `results for “${query}”`).toBe(query.trim());
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

  async openResult(title: string): Promise<void> {
    await this.resultButton(title).click();
  }

  async sortBy(sort: 'Relevance' | 'Date'): Promise<void> {
    await this.landmark.getByRole('button', { name: sort, exact: true }).click();
  }

  async focusWithSlash(): Promise<void> {
    await this.page.locator('body').press('/');
  }
}
