import { describe, expect, it, vi } from 'vitest';
import { externalOpener } from './externalLinks.ts';

describe('externalOpener', () => {
  it.each(['https://example.com/article', 'http://example.com/', 'mailto:editor@example.com', 'HTTPS://EXAMPLE.COM/'])(
    'opens %s',
    async (url) => {
      const open = vi.fn().mockResolvedValue(undefined);
      await expect(externalOpener(open)(url)).resolves.toBe(true);
      expect(open).toHaveBeenCalledExactlyOnceWith(url);
    },
  );

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'smb://attacker/share',
    '\\\\attacker\\share\\x.exe',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'jav\tascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'offprint://app/index.html',
    'offprint-asset://id/x.png',
    'ftp://example.com/x',
    'tel:+15555550100',
    'x-apple.systempreferences:',
    'ssh://host',
    '//example.com/protocol-relative',
    'example.com',
    '',
  ])('never hands %j to the OS', async (url) => {
    const open = vi.fn().mockResolvedValue(undefined);
    await expect(externalOpener(open)(url)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});
