/** Builds MHTML files for tests: the layout Chrome and Internet Explorer write, with the parts given. */

export interface TestPart {
  type: string;
  body: string | Uint8Array;
  location?: string;
  id?: string;
  encoding?: 'base64' | 'quoted-printable' | '8bit';
}

const encode = (part: TestPart): string => {
  const bytes = typeof part.body === 'string' ? Buffer.from(part.body, 'utf8') : Buffer.from(part.body);
  if (part.encoding === 'base64') return (bytes.toString('base64').match(/.{1,76}/gu) ?? []).join('\r\n');
  return bytes.toString('latin1');
};

export function partText(part: TestPart): string {
  return [
    `Content-Type: ${part.type}`,
    ...(part.id ? [`Content-ID: <${part.id}>`] : []),
    `Content-Transfer-Encoding: ${part.encoding ?? '8bit'}`,
    ...(part.location ? [`Content-Location: ${part.location}`] : []),
    '',
    encode(part),
  ].join('\r\n');
}

/** A whole file: top headers, then each part between boundary lines, then the closing boundary. */
export function mhtmlFile(parts: TestPart[], headers: Record<string, string> = {}, boundary = '----MultipartBoundary--test----'): string {
  const top = {
    From: '<Saved by Blink>',
    Subject: 'Test page',
    Date: 'Tue, 2 Apr 2024 10:00:00 -0000',
    'MIME-Version': '1.0',
    'Content-Type': `multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"`,
    ...headers,
  };
  const head = Object.entries(top)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return `${head}\r\n\r\n${parts.map((p) => `--${boundary}\r\n${partText(p)}\r\n`).join('')}--${boundary}--\r\n`;
}

/** A 1 × 1 PNG, real enough for an image decoder. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
