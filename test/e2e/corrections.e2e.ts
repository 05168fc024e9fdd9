import { SearchPage } from './pages/SearchPage';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

describe('typo corrections', () => {
  test('shows results for the corrected word and searches as typed in one click', async ({ page }) => {
    const search = new SearchPage(page);
    await search.searchFor('shangai');
    const notice = search.landmark.getByText(/^Showing results for/u);
    await eventually(() => notice.textContent()).toMatch(/Showing results for shanghai\./u);
    expect((await search.resultTitles())[0]).toBe(SEED);
    await search.landmark.getByRole('button', { name: 'Search instead for “shangai”' }).click();
    await eventually(() => search.landmark.getAttribute('data-answered-exact')).toBe('true');
    expect(await search.resultTitles()).toEqual([]);
    expect(await notice.count()).toBe(0);
    // Typing on leaves the exact search: the next query is corrected again.
    await search.searchFor('shangaii');
    await eventually(() => search.landmark.getAttribute('data-answered-exact')).toBe('false');
    expect((await search.resultTitles())[0]).toBe(SEED);
  });
});
