import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../csp.ts';
import { appContentSecurityPolicy, appHeaders, assetHeaders, routeAppRequest, routeAssetRequest } from './appProtocol.ts';

let root: string;
let renderer: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'offprint-protocol-'));
  renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'export {}');
  writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'not for the page');
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'link.js'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('routeAppRequest', () => {
  it('serves index.html for the origin root and by name', () => {
    expect(routeAppRequest(renderer, 'offprint://app/')).toEqual({
      kind: 'file',
      path: join(renderer, 'index.html'),
      type: 'text/html; charset=utf-8',
    });
    expect(routeAppRequest(renderer, 'offprint://app/index.html')).toMatchObject({ kind: 'file', path: join(renderer, 'index.html') });
  });

  it('serves built assets with their types', () => {
    expect(routeAppRequest(renderer, 'offprint://app/assets/index-abc.js')).toMatchObject({ type: 'text/javascript; charset=utf-8' });
    expect(routeAppRequest(renderer, 'offprint://app/assets/index-abc.css?v=1')).toMatchObject({ type: 'text/css; charset=utf-8' });
  });

  it.each([
    'offprint://app/../secret.txt',
    'offprint://app/%2e%2e/secret.txt',
    'offprint://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'offprint://app/assets/..%5c..%5csecret.txt',
    'offprint://app/%00index.html',
    'offprint://app/%E0%A4%A',
    'offprint://app/assets',
    'offprint://app/missing.js',
    'offprint://app/assets/link.js',
  ])('answers 404 for what is not a file inside the renderer: %s', (url) => {
    expect(routeAppRequest(renderer, url)).toEqual({ kind: 'not-found' });
  });

  it.each(['offprint://app.evil/index.html', 'offprint://app@evil/index.html', 'https://app/index.html', 'file:///index.html'])(
    'answers 404 off the app origin: %s',
    (url) => {
      expect(routeAppRequest(renderer, url)).toEqual({ kind: 'not-found' });
    },
  );

  it('answers only GET and HEAD', () => {
    expect(routeAppRequest(renderer, 'offprint://app/index.html', 'HEAD')).toMatchObject({ kind: 'file' });
    expect(routeAppRequest(renderer, 'offprint://app/index.html', 'POST')).toEqual({ kind: 'not-found' });
  });

  it('routes same-origin article images as serve mode does, keeping the id’s case', () => {
    expect(routeAppRequest(renderer, 'offprint://app/asset/AbC_-9/images/a%20b.png')).toEqual({
      kind: 'asset',
      id: 'AbC_-9',
      src: 'images/a b.png',
    });
    expect(routeAppRequest(renderer, 'offprint://app/asset/AbC/')).toEqual({ kind: 'asset', id: 'AbC', src: '' });
    expect(routeAppRequest(renderer, 'offprint://app/asset/')).toEqual({ kind: 'not-found' });
  });
});

describe('routeAssetRequest', () => {
  it('reads the article id from the host with its case and the image path from the rest', () => {
    expect(routeAssetRequest('offprint-asset://AbC_-9/images/fig%201.png')).toEqual({
      kind: 'asset',
      id: 'AbC_-9',
      src: 'images/fig 1.png',
    });
  });

  it('passes traversal on to openAsset, which keeps images inside the article’s folder', () => {
    expect(routeAssetRequest('offprint-asset://AbC/%2e%2e%2f%2e%2e%2fetc%2fpasswd')).toEqual({
      kind: 'asset',
      id: 'AbC',
      src: '../../etc/passwd',
    });
  });

  it.each([
    'offprint-asset://user@AbC/x.png',
    'offprint-asset://AbC:99/x.png',
    'offprint-asset:///x.png',
    'offprint-asset://AbC',
    'offprint://app/x.png',
    'offprint-asset://AbC/%00.png',
    'bad',
  ])('answers 404 for a malformed asset URL: %s', (url) => {
    expect(routeAssetRequest(url)).toEqual({ kind: 'not-found' });
  });

  it('answers only GET and HEAD', () => {
    expect(routeAssetRequest('offprint-asset://AbC/x.png', 'PUT')).toEqual({ kind: 'not-found' });
  });
});

describe('headers', () => {
  it('sends the renderer’s CSP from main/csp.ts with offprint-asset: added for images only', () => {
    const csp = appHeaders('text/html; charset=utf-8')['Content-Security-Policy'] ?? '';
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d] as const));
    expect(directives.get('img-src')).toContain('offprint-asset:');
    expect(directives.get('script-src')).toBe("script-src 'self'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/u);
    expect(csp.replace(' offprint-asset:', '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('adds offprint-asset: once however often it is applied', () => {
    expect(appContentSecurityPolicy(appContentSecurityPolicy())).toBe(appContentSecurityPolicy());
  });

  it('keeps the other security headers on app responses', () => {
    expect(appHeaders('text/html')).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Type': 'text/html',
    });
  });

  it('serves images without scripts and without sniffing', () => {
    expect(assetHeaders('image/png')).toMatchObject({
      'Content-Type': 'image/png',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    });
  });
});
