/**
 * Content-Disposition for a download of `name`: an ASCII fallback (quotes, backslashes and anything
 * outside printable ASCII replaced) and the exact name in RFC 5987's filename*, which browsers prefer.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  const exact = encodeURIComponent(name).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
