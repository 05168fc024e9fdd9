import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import type { ImportResult } from '../model.ts';
import { inlineText } from '../../../common/blocks.ts';
import { normalizeDate } from './dates.ts';
import { blocksFromDom, safeHref } from './domBlocks.ts';
import { parseHtmlFragment } from './htmlTree.ts';

// Raw HTML is allowed through markdown-it because the block conversion keeps only known, inert
// elements; it is never inserted anywhere as HTML.
const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * markdown-it stops nesting quotes and lists at maxNesting (100) levels, and skips what is deeper "to the end"
 * of the enclosing block, which for a list item is the end of the file: 200 nested `- ` dropped every line
 * after them. Deeper lines are kept instead, as one paragraph of their plain text (markers included).
 */
const tokenizeBlocks = md.block.tokenize.bind(md.block);
md.block.tokenize = (state, startLine, endLine) => {
  if (state.level < (state.md.options as { maxNesting: number }).maxNesting) return tokenizeBlocks(state, startLine, endLine);
  let end = startLine;
  for (let line = startLine; line < endLine; line++) {
    if (state.isEmpty(line)) continue;
    // A less indented line ends the nested block, as it would in markdown-it's own loop.
    if (state.sCount[line]! < state.blkIndent) break;
    end = line + 1;
  }
  const text = state.getLines(startLine, end, state.blkIndent, false).trim();
  if (text !== '') {
    state.push('paragraph_open', 'p', 1).map = [startLine, end];
    const inline = state.push('inline', '', 0);
    inline.content = text;
    inline.map = [startLine, end];
    inline.children = [];
    state.push('paragraph_close', 'p', -1);
  }
  state.line = Math.max(end, startLine + 1);
};

const refuse = {
  parse: (): never => {
    throw new Error('only YAML and JSON front matter are read');
  },
};
// gray-matter evaluates `---js` front matter with eval(); an article must never run code.
const MATTER_OPTIONS = { engines: { javascript: refuse, js: refuse, coffee: refuse, coffeescript: refuse, cson: refuse } };

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

function frontMatter(source: string): { data: Record<string, unknown>; content: string } {
  try {
    const parsed = matter(source, MATTER_OPTIONS as never);
    return { data: (parsed.data ?? {}) as Record<string, unknown>, content: parsed.content };
  } catch {
    // Unreadable front matter: keep the article, drop the block.
    const m = /^---[^\n]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/u.exec(source);
    return { data: {}, content: m ? source.slice(m[0].length) : source };
  }
}

export function importMarkdown(source: string, fallbackTitle: string): ImportResult {
  const { data, content } = frontMatter(source);
  // The rendered HTML is parsed as a browser parses it, so raw HTML in the file ends where a browser ends it.
  let blocks = blocksFromDom(parseHtmlFragment(md.render(content)));
  let title = str(data.title);
  if (!title) {
    const first = blocks.findIndex((b) => b.type === 'heading');
    const heading = blocks[first];
    if (heading?.type === 'heading' && (heading.level === 1 || first === 0)) {
      title = inlineText(heading.children).trim();
      blocks = blocks.filter((_, i) => i !== first);
    }
  }
  const tags = Array.isArray(data.tags)
    ? data.tags.map(str).filter((t): t is string => t !== null)
    : typeof data.tags === 'string'
      ? data.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : [];
  const author = str(data.author) ?? (Array.isArray(data.author) ? data.author.map(str).filter(Boolean).join(', ') || null : null);
  return {
    ok: true,
    doc: {
      title: title || fallbackTitle,
      author,
      date: normalizeDate(data.date),
      source: safeHref(str(data.source) ?? str(data.url)),
      language: str(data.language) ?? str(data.lang),
      dir: data.dir === 'rtl' || data.dir === 'ltr' ? data.dir : null,
      tags,
      format: 'markdown',
      blocks,
    },
  };
}
