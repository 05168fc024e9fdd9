import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeDeclared, decodePage, metaCharset, type Decoded } from './decode.ts';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../../test/fixtures/encodings/${name}`, import.meta.url));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function text(d: Decoded): string {
  if (!d.ok) throw new Error(`${d.error.code}: ${d.error.reason}`);
  return d.text;
}

describe('decodeBytes', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    const d = decodeBytes(fixture('good-utf8.txt'));
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(text(d)).toContain('naïve café, Zürich, Ελληνικά, русский, 日本語, עברית, and an emoji 🎉');
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const d = decodeBytes(fixture('good-utf8-bom.md'));
    expect(text(d).startsWith('---\ntitle:')).toBe(true);
  });

  it('reads UTF-16 little-endian with a byte-order mark', () => {
    const d = decodeBytes(fixture('good-utf16le-bom.txt'));
    expect(d).toMatchObject({ ok: true, encoding: 'utf-16le' });
    expect(text(d)).toContain('Grüße aus Köln, 東京.');
  });

  it('reads UTF-16 big-endian with a byte-order mark and turns CRLF into LF', () => {
    const d = decodeBytes(fixture('good-utf16be-bom.txt'));
    expect(d).toMatchObject({ ok: true, encoding: 'utf-16be' });
    expect(text(d)).toBe('A UTF-16 BE file\n\nBig-endian UTF-16 with a byte-order mark and CRLF lines: ¡Olé!\n');
  });

  it('refuses UTF-16 with a byte-order mark and a lone surrogate', () => {
    const d = decodeBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]));
    expect(d).toMatchObject({ ok: false, error: { code: 'undecodable' } });
  });

  it('detects Windows-1252 French prose when the detector is confident', () => {
    const d = decodeBytes(fixture('legacy-windows-1252-french.txt'));
    expect(d).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(text(d)).toContain('s’assit près de la fenêtre');
    expect(text(d)).toContain('Son cœur battait');
    expect(text(d)).toContain('12 €');
  });

  it('detects Windows-1252 German prose', () => {
    expect(text(decodeBytes(fixture('legacy-windows-1252-german.md')))).toContain(
      'Der Bäcker in der Müllerstraße öffnet schon um fünf Uhr früh.',
    );
  });

  it('detects Shift_JIS Japanese', () => {
    const d = decodeBytes(fixture('legacy-shift_jis.txt'));
    expect(d).toMatchObject({ ok: true, encoding: 'Shift_JIS' });
    expect(text(d)).toContain('吾輩は猫である。名前はまだ無い。');
  });

  it('refuses a legacy guess the detector is not confident about', () => {
    expect(decodeBytes(iconv.encode('猫', 'Shift_JIS'))).toMatchObject({ ok: false, error: { code: 'undecodable' } });
    expect(decodeBytes(fixture('bad-undetectable.txt'))).toMatchObject({
      ok: false,
      error: { code: 'undecodable', reason: expect.stringContaining('could not be recognised') },
    });
  });

  it('refuses damaged UTF-8 with a reason instead of decoding it as mojibake', () => {
    const d = decodeBytes(fixture('bad-invalid-utf8.txt'));
    expect(d).toMatchObject({ ok: false, error: { code: 'undecodable' } });
    if (!d.ok) expect(d.error.reason).toMatch(/not valid UTF-8: .*2 damaged byte sequences, the first at byte \d+/u);
  });

  it('names a UTF-16 surrogate written as UTF-8 and where it is, instead of counting no damage', () => {
    const alone = decodeBytes(Uint8Array.from([0xed, 0xa0, 0x80]));
    expect(alone).toMatchObject({ ok: false, error: { code: 'undecodable' } });
    if (!alone.ok) expect(alone.error.reason).toMatch(/a UTF-16 surrogate written as UTF-8 \(CESU-8 or WTF-8\), the first at byte 0/u);
    const inText = decodeBytes(Uint8Array.from([...utf8('Café au lait, '), 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, ...utf8(' crème.')]));
    if (inText.ok) throw new Error('decoded an encoded surrogate pair');
    expect(inText.error.reason).toMatch(/2 UTF-16 surrogates written as UTF-8 .*the first at byte 15/u);
    expect(inText.error.reason).not.toMatch(/0 damaged|byte -1/u);
  });

  it('counts overlong and out-of-range sequences as damage', () => {
    const d = decodeBytes(Uint8Array.from([...utf8('Crème brûlée, café, thé. '.repeat(20)), 0xe0, 0x80, 0xaf, 0xf4, 0x90, 0x80, 0x80]));
    if (d.ok) throw new Error('decoded an overlong sequence');
    expect(d.error.reason).toMatch(/damaged byte sequences?, the first at byte \d+/u);
    expect(d.error.reason).not.toMatch(/ 0 damaged|byte -1/u);
  });

  it('refuses UTF-8 that stops in the middle of a character', () => {
    const d = decodeBytes(fixture('bad-truncated-utf8.md'));
    expect(d).toMatchObject({ ok: false, error: { code: 'undecodable', reason: expect.stringContaining('cut short') } });
  });

  it('refuses Japanese UTF-8 with one byte missing rather than reading it as Shift_JIS', () => {
    const bytes = utf8('吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所で泣いていた。');
    const damaged = Uint8Array.from([...bytes.subarray(0, 31), ...bytes.subarray(32)]);
    expect(decodeBytes(damaged)).toMatchObject({ ok: false, error: { code: 'undecodable' } });
  });

  it('calls a file with NUL bytes binary', () => {
    expect(decodeBytes(fixture('bad-binary.txt'))).toMatchObject({ ok: false, error: { code: 'binary' } });
    expect(decodeBytes(Uint8Array.from([0x61, 0x00, 0x62]))).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('calls text full of control characters binary', () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x61));
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('removes the odd stray control character but keeps tabs and newlines', () => {
    expect(text(decodeBytes(utf8(`a\tb\u0007c\nd${'x'.repeat(200)}`)))).toBe(`a\tbc\nd${'x'.repeat(200)}`);
  });

  it('calls a file empty when it has no bytes or only white space', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(decodeBytes(fixture('bad-whitespace.txt'))).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect(decodeBytes(Uint8Array.from([0xff, 0xfe]))).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});

describe('decodeDeclared', () => {
  const text = (d: Decoded): string => (d.ok ? d.text : `${d.error.code}: ${d.error.reason}`);

  it('decodes in the declared charset, reading ISO-8859-1 as windows-1252 as browsers do', () => {
    expect(text(decodeDeclared(iconv.encode('Привет, мир', 'windows-1251'), 'windows-1251'))).toBe('Привет, мир');
    expect(text(decodeDeclared(Buffer.from([0x93, 0x71, 0x94, 0x20, 0xe9]), 'ISO-8859-1'))).toBe('“q” é');
  });

  it('lets a byte-order mark outrank the label, and checks UTF-8 as decodeBytes does', () => {
    expect(text(decodeDeclared(Buffer.from('\uFEFFcafé', 'utf8'), 'windows-1252'))).toBe('café');
    expect(decodeDeclared(Buffer.from([0x63, 0x61, 0x66, 0xc3]), 'utf-8')).toMatchObject({ ok: false, error: { code: 'undecodable' } });
  });

  it('falls back to detection for a label it does not know', () => {
    expect(text(decodeDeclared(Buffer.from('plain words', 'utf8'), 'x-made-up'))).toBe('plain words');
  });
});

describe('metaCharset', () => {
  it('finds <meta charset> and the http-equiv Content-Type form, in the page’s first kilobytes only', () => {
    expect(metaCharset(Buffer.from('<html><head><meta charset="Shift_JIS"><title>x</title>'))).toBe('shift_jis');
    expect(metaCharset(Buffer.from('<META http-equiv=Content-Type content="text/html; charset=windows-1251">'))).toBe('windows-1251');
    expect(metaCharset(Buffer.from(`${' '.repeat(5000)}<meta charset="koi8-r">`))).toBeNull();
    expect(metaCharset(Buffer.from('<p>charset=utf-8 in text, not in a meta</p>'))).toBeNull();
  });
});

describe('decodePage', () => {
  const text = (d: Decoded): string => (d.ok ? d.text : `${d.error.code}: ${d.error.reason}`);

  it('reads a short page in the charset its <meta> declares, where detection alone fails or guesses wrong', () => {
    const czech = iconv.encode('<meta charset="iso-8859-2"><p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p>', 'iso-8859-2');
    expect(decodeBytes(czech).ok).toBe(false);
    expect(text(decodePage(czech))).toContain('Příliš žluťoučký kůň');
    const russian = iconv.encode('<meta charset="koi8-r"><title>Привет</title><p>Мир дом</p>', 'koi8-r');
    expect(text(decodeBytes(russian))).not.toContain('Привет');
    expect(text(decodePage(russian))).toContain('<title>Привет</title>');
  });

  it('keeps valid UTF-8 as UTF-8 even when the page still declares its old charset', () => {
    expect(text(decodePage(Buffer.from('<meta charset="windows-1252"><p>café</p>', 'utf8')))).toContain('café');
  });
});
