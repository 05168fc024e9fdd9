/**
 * Serve mode against another program on the same machine: a page served from another 127.0.0.1 port,
 * opened in the same browser as Offprint. It tries every way a page can send a request another origin
 * reads or acts on, and must get no credential and change nothing (docs/SECURITY.md, "Serve mode").
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SearchPage } from './pages/SearchPage';
import { callApi } from './support/api';
import { describe, expect, test } from './support/fixtures';
import { eventually } from './support/poll';

const SEED = 'Binance.US Tech Work Is Parceled to a Crew in Shanghai: Report';

/** The state-changing requests, each with an input that would visibly change something; a name starting with / is a route of its own. */
function attacks(articleId: string): [string, unknown][] {
  return [
    ['folders.add', { path: '/tmp' }],
    ['folders.remove', { key: 'bundled' }],
    ['settings.set', { theme: 'dark', fontSize: 30 }],
    ['position.set', { id: articleId, anchor: { block: 3, offset: 0, quote: 'x' }, progress: 0.9 }],
    ['highlights.add', { id: articleId, start: { block: 0, offset: 0 }, end: { block: 0, offset: 4 } }],
    ['link.open', { url: 'https://example.org/' }],
    ['files.add', { paths: ['/etc/hostname'] }],
    // The upload route: its body is a file, so a form's or a no-cors fetch's text would be one, were it taken.
    ['/upload?name=planted.md', '# Planted\n\nWritten into the library by another page.'],
  ];
}

/** The attacker's page: no-cors fetches, beacons and text/plain form posts at Offprint, and a planted cookie. */
function attackPage(target: string, list: [string, unknown][]): string {
  const script = `
    const target = ${JSON.stringify(target)};
    const list = ${JSON.stringify(list)};
    document.cookie = 'offprint_token=bogus; path=/api';
    document.cookie = 'offprint_token=bogus2; path=/';
    const sent = [];
    for (const [name, input] of list) {
      const body = JSON.stringify(input);
      const url = name.startsWith('/') ? target + name : target + '/api/' + name;
      sent.push(fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }).catch(() => null));
      navigator.sendBeacon(url, body);
      navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
      navigator.sendBeacon(url, new Blob([body], { type: 'application/octet-stream' }));
      const frame = document.createElement('iframe');
      frame.name = 'f-' + name;
      document.body.append(frame);
      const form = document.createElement('form');
      form.method = 'POST';
      form.enctype = 'text/plain';
      form.action = url;
      form.target = frame.name;
      const field = document.createElement('input');
      field.name = body.slice(0, -1) + ',"x":"';
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      form.submit();
    }
    // The attacker also asks its own server for things: a browser must send it nothing of Offprint's.
    sent.push(fetch('/own', { credentials: 'include' }));
    Promise.all(sent).then(() => { document.title = 'done'; });
  `;
  return `<!doctype html><meta charset="utf-8"><title>attack</title><body><script>${script}</script>`;
}

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function attackerServer(page: () => string): Promise<{ server: Server; origin: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': req.url === '/attack.html' ? 'text/html; charset=utf-8' : 'text/plain' });
      res.end(req.url === '/attack.html' ? page() : 'ok');
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('serve mode against other programs on the same machine', () => {
  test('a page on another port gets no token and its forged requests change nothing', async ({ page, app }) => {
    const token = new URL(app.server.url).searchParams.get('token')!;
    const search = new SearchPage(page);
    await search.searchFor('Shanghai');
    const results = await callApi<{ results: { id: string; title: string }[] }>(app.server.url, 'search.query', { q: 'shanghai' });
    const articleId = results.results.find((r) => r.title === SEED)!.id;
    const snapshot = async () => ({
      folders: await callApi(app.server.url, 'folders.list', {}),
      settings: await callApi(app.server.url, 'settings.get', {}),
      position: await callApi(app.server.url, 'position.get', { id: articleId }),
      highlights: await callApi(app.server.url, 'highlights.list', {}),
      library: await callApi(app.server.url, 'library.list', { sort: 'date', offset: 0, limit: 1 }),
    });
    const before = await snapshot();
    const list = attacks(articleId);
    const evil = await attackerServer(() => attackPage(app.server.origin, list));
    try {
      // The attacker's page opens in the same browser context: same cookie jar, same cache, another port.
      const other = await page.context().newPage();
      await other.goto(`${evil.origin}/attack.html`);
      await eventually(() => other.title()).toBe('done');
      // The form posts land in frames; wait until each answered (an error page is an answer too).
      await eventually(() => other.locator('iframe').count()).toBe(list.length);
      await other.close();
      expect(await snapshot()).toEqual(before);
      // Nothing the attacker's server received holds the token, in any header, address or body.
      expect(evil.received.length).toBeGreaterThan(1);
      for (const r of evil.received) expect(JSON.stringify(r)).not.toContain(token);
      // The planted cookies disturb nothing: the session still answers after a reload.
      await page.reload();
      await search.searchFor('Shanghai');
      await eventually(() => search.resultTitles()).toContain(SEED);
    } finally {
      await new Promise((closed) => evil.server.close(closed));
    }
  });

  test('takes the token out of the address bar and the history, keeps it for a reload, and a new tab gets no data', async ({
    page,
    app,
  }) => {
    const token = new URL(app.server.url).searchParams.get('token')!;
    const search = new SearchPage(page);
    await search.searchFor('Shanghai');
    await eventually(() => search.resultTitles()).toContain(SEED);
    expect(page.url()).not.toContain(token);
    const cdp = await page.context().newCDPSession(page);
    const history = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string; userTypedURL: string }[] };
    expect(history.entries.length).toBeGreaterThan(0);
    for (const e of history.entries) expect(`${e.url} ${e.userTypedURL}`).not.toContain(token);
    await page.reload();
    await search.searchFor('Shanghai');
    await eventually(() => search.resultTitles()).toContain(SEED);
    expect(page.url()).not.toContain(token);

    const tab = await page.context().newPage();
    const answers: number[] = [];
    tab.on('response', (r) => {
      if (r.url().includes('/api/')) answers.push(r.status());
    });
    const shell = await tab.goto(app.server.origin);
    expect(shell?.status()).toBe(200);
    const tabSearch = new SearchPage(tab);
    await tabSearch.searchFor('Shanghai');
    await eventually(() => tab.getByRole('status').allTextContents()).toContain('Search failed');
    expect(await tab.getByText(/has no Offprint session/u).count()).toBeGreaterThan(0);
    expect(await tabSearch.resultTitles()).toEqual([]);
    expect(answers.every((s) => s === 401 || s === 403)).toBe(true);
    await tab.close();
  });
});
