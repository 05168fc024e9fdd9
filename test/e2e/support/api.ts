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

/** A request straight to the serve-mode API from the test, made as Offprint's own page makes it (token header, its Origin, JSON). */
export async function callApi<T>(serverUrl: string, name: string, input: unknown): Promise<T> {
  const { origin, searchParams } = new URL(serverUrl);
  const res = await fetch(`${origin}/api/${name}`, {
    method: 'POST',
    headers: { 'X-Offprint-Token': searchParams.get('token') ?? '', Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`);
  return result.value;
}
