import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { bundleBoundary } from './bundleBoundary.ts';

/**
 * index.html's CSP allows no inline code, but in the dev server (npm run dev, npm run dev:serve) Vite's
 * client injects each CSS file as a <style> element and React's refresh preamble is an inline script.
 * Both get a nonce made at each start (Vite's html.cspNonce), and the page's CSP allows that nonce, never
 * 'unsafe-inline'. Builds keep the CSP as written: the plugin applies to the dev server only.
 */
function devCspNonce(): Plugin {
  const nonce = randomBytes(18).toString('base64url');
  return {
    name: 'offprint-dev-csp-nonce',
    apply: 'serve',
    config: () => ({ html: { cspNonce: nonce } }),
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const withNonce = html.replace(/\b(script-src|style-src) 'self'/gu, `$1 'self' 'nonce-${nonce}'`);
        if (withNonce === html) throw new Error("renderer/index.html: its CSP has no script-src/style-src 'self' to add the dev nonce to");
        return withNonce;
      },
    },
  };
}

/** The renderer alone: used by serve mode and tests; electron.vite.config.ts reuses the same settings. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  plugins: [react(), bundleBoundary(), devCspNonce()],
  build: {
    outDir: resolve(import.meta.dirname, '..', 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline scripts or eval anywhere, so the CSP can forbid them.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
