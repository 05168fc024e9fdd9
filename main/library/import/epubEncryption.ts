import { descendants, type XmlElement } from './epubXml.ts';

/**
 * Font obfuscation (IDPF's, and Adobe's older one) scrambles embedded fonts against extraction; it is
 * not DRM, and a book that uses it reads fine without its fonts. The identifiers are compared, never fetched.
 */
// eslint-disable-next-line @microsoft/sdl/no-insecure-url
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/** The files META-INF/encryption.xml encrypts with anything but font obfuscation (as URIs, relative to the zip's root). */
export function encryptedContent(encryption: XmlElement): string[] {
  const locked: string[] = [];
  for (const data of descendants(encryption, 'EncryptedData')) {
    const algorithm = descendants(data, 'EncryptionMethod')[0]?.attrs.get('Algorithm') ?? '';
    if (FONT_OBFUSCATION.has(algorithm)) continue;
    const uri = descendants(data, 'CipherReference')[0]?.attrs.get('URI');
    if (uri) locked.push(uri);
  }
  return locked;
}
