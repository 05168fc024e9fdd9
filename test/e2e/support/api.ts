import type { Page, Response } from 'playwright-core';

/** Resolves with the next answer to an API request (optionally one whose input matches). Start it before the action. */
export function nextApiResponse(
  page: Page,
  name: string,
  matches: (input: Record<string, unknown>) => boolean = () => true,
): Promise<Response> {
  return page.waitForResponse(
    (r) => r.url().endsWith(`/api/${name}`) && matches((r.request().postDataJSON() ?? {}) as Record<string, unknown>),
  );
}
