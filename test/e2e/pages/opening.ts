import type { Page } from 'playwright-core';
import { eventually } from '../support/poll';

/**
 * Runs `open` (a click that opens an article) and waits until the reader announces a new opening
 * (data-entry on the Reader landmark). Reopening the article already on screen remounts it, so its
 * old title alone would say "open" before the new one has replaced it.
 */
export async function opening(page: Page, open: () => Promise<void>): Promise<void> {
  const reader = page.getByRole('main', { name: 'Reader' });
  const before = await reader.getAttribute('data-entry');
  await open();
  await eventually(() => reader.getAttribute('data-entry'), 'a new opening in the reader').not.toBe(before);
}
