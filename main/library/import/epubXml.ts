import { SaxesParser } from 'saxes';

/** An element of a book's XML (container, package, NCX): its local name, namespace, attributes by local name, children. */
export interface XmlElement {
  local: string;
  uri: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

/** Deeper than any package document nests; the walk stops growing the tree there. */
const MAX_DEPTH = 64;

/**
 * An internal DTD subset that declares entities is how "billion laughs" and external-entity attacks
 * start; no real EPUB needs one (EPUB 3 forbids them outright), so such a book is refused, not parsed. A
 * `<!ENTITY` in a comment after the doctype is refused too: a false alarm no real book raises.
 */
export function declaresEntities(source: string): boolean {
  // Two linear scans: from the first doctype on (a document has one), any entity declaration at all.
  const doctype = source.search(/<!DOCTYPE/iu);
  return doctype >= 0 && /<!ENTITY/iu.test(source.slice(doctype));
}

/**
 * Parses well-formed XML with namespaces. saxes never expands entities beyond the five of XML (and
 * character references), reads no DTD and fetches nothing, so parsing is linear in the source.
 */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { local: '#root', uri: '', attrs: new Map(), children: [], text: '' };
  const stack: XmlElement[] = [root];
  let skipped = 0;
  parser.on('opentag', (tag) => {
    if (skipped > 0 || stack.length > MAX_DEPTH) return void skipped++;
    const attrs = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) attrs.set(a.prefix ? `${a.prefix}:${a.local}` : a.local, a.value);
    const el: XmlElement = { local: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    if (skipped > 0) return void skipped--;
    stack.pop();
  });
  parser.on('text', (text) => {
    if (skipped === 0) stack.at(-1)!.text += text;
  });
  parser.on('cdata', (text) => {
    if (skipped === 0) stack.at(-1)!.text += text;
  });
  parser.write(source).close();
  return root;
}

/** Every element below `root` (document order) whose local name is `local`. */
export function descendants(root: XmlElement, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = [...root.children].reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.local === local) found.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return found;
}

/** The element's text with its descendants', white space squashed. */
export function xmlText(el: XmlElement): string {
  const parts: string[] = [];
  const stack = [el];
  while (stack.length > 0) {
    const e = stack.pop()!;
    parts.push(e.text);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]!);
  }
  return parts.join(' ').replace(/\s+/gu, ' ').trim();
}
