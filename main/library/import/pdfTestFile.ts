/** Small PDFs made inside the tests (Offprint's own): objects numbered from 1, the catalog first. */
import { deflateSync } from 'node:zlib';

const enc = new TextEncoder();

/** A stream object's body: its dictionary entries and its data, Flate-compressed when `isDeflated`. */
export function stream(dict: string, data: Uint8Array | string, isDeflated = false): Uint8Array {
  const raw = typeof data === 'string' ? enc.encode(data) : data;
  const body = isDeflated ? deflateSync(raw) : raw;
  const head = enc.encode(`<<${dict}${isDeflated ? ' /Filter /FlateDecode' : ''} /Length ${body.length}>>\nstream\n`);
  return concat([head, body, enc.encode('\nendstream')]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A whole file: header, the objects, a cross-reference table with their true offsets, the trailer. */
export function makePdf(objects: readonly (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [enc.encode('%PDF-1.7\n%\u00e2\u00e3\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const bytes = concat([enc.encode(`${i + 1} 0 obj\n`), typeof body === 'string' ? enc.encode(body) : body, enc.encode('\nendobj\n')]);
    parts.push(bytes);
    at += bytes.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)];
  parts.push(enc.encode(`${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return concat(parts);
}

/** One page that shows `content` (a content stream) with Helvetica as /F1 and the given XObjects. */
export function onePage(content: Uint8Array, xobjects: readonly Uint8Array[] = []): Uint8Array {
  const names = xobjects.map((_, i) => `/X${i} ${6 + i} 0 R`).join(' ');
  return makePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << ${names} >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    content,
    ...xobjects,
  ]);
}
