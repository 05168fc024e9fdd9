import type { ImportResult } from '../model.ts';
import type { Block } from '../../../common/blocks.ts';
import { parseDateLine } from './dates.ts';
import { guessedHeading, guessHeadings, splitMarked, underlineLevel, wikiHeading } from './txtHeadings.ts';

const BY_LINE = /^by\s+(\S.{0,120})$/iu;
const AOZORA_HEADER = /^-{20,}\n【テキスト中に現れる記号について】[\s\S]*?\n-{20,}\n/mu;

/** Aozora Bunko texts carry ruby readings and editor notes that would get in the way of reading and search. */
function stripAozora(text: string): { text: string; isAozora: boolean } {
  // One base character before the reading is enough to tell: `[…]+《` would rescan a long run of kanji at every start.
  const isAozora = AOZORA_HEADER.test(text) || /[｜\p{sc=Han}]《[\p{sc=Hira}\p{sc=Kana}ー]+》/u.test(text);
  if (!isAozora) return { text, isAozora };
  return {
    text: text
      .replace(AOZORA_HEADER, '\n')
      // A reading or note never holds its own opening bracket; excluding it keeps a line of unclosed 《 linear.
      .replace(/《[^》《\n]*》/gu, '')
      .replace(/｜/gu, '')
      .replace(/※?［＃[^］［\n]*］/gu, ''),
    isAozora,
  };
}

/** White space at the end of a line; a regular expression ending in `+$` rescans a long run at every position. */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && ' \t\u00a0\u3000'.includes(line[end - 1]!)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** A short line wholly in square brackets: an editor's note, not the title. */
function isBracketedNote(line: string): boolean {
  const s = line.trim();
  return s.length <= 80 && s.startsWith('[') && s.endsWith(']');
}

function paragraph(text: string): Block {
  return { type: 'paragraph', children: [{ type: 'text', text }] };
}

function heading(level: 1 | 2 | 3 | 4 | 5 | 6, text: string): Block {
  return { type: 'heading', level, children: [{ type: 'text', text }] };
}

/**
 * Plain text: the first line is the title; a date line and a "By …" line may follow it;
 * paragraphs are separated by blank lines (or, with none, one per line). Headings are marked
 * (`== History ==`, an underlined line) or guessed from the layout (txtHeadings.ts).
 */
export function importTxt(source: string, fallbackTitle: string): ImportResult {
  const { text, isAozora } = stripAozora(source);
  const lines = text.split('\n').map(trimLineEnd);
  let i = 0;
  const nextNonEmpty = () => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };
  nextNonEmpty();
  // Project Gutenberg books often open with an editor's note such as "[Illustration]"; the title follows it.
  while (i < lines.length && isBracketedNote(lines[i]!)) {
    i++;
    nextNonEmpty();
  }
  const first = (lines[i++] ?? '').trim();
  const title = wikiHeading(first)?.text ?? (first || fallbackTitle);
  if (i < lines.length && underlineLevel(lines[i]!)) i++;
  let date: string | null = null;
  let author: string | null = null;
  for (let k = 0; k < 2; k++) {
    const save = i;
    nextNonEmpty();
    const line = (lines[i] ?? '').trim();
    const asDate: string | null = date === null ? parseDateLine(line) : null;
    const by: RegExpExecArray | null = author === null ? BY_LINE.exec(line) : null;
    if (asDate) date = asDate;
    else if (by) author = by[1]!.trim();
    else if (isAozora && author === null && k === 0 && line.length > 0 && line.length <= 20) author = line;
    else {
      i = save;
      break;
    }
    i++;
  }
  const body = lines.slice(i).join('\n').trim();
  // Aozora texts put one paragraph on each line and use blank lines between sections.
  const isPerLine = isAozora || !/\n[ \t]*\n/u.test(body);
  return {
    ok: true,
    doc: {
      title,
      author,
      date,
      source: null,
      language: null,
      dir: null,
      tags: [],
      format: 'txt',
      blocks: isPerLine ? perLineBlocks(body) : chunkBlocks(body),
    },
  };
}

/** One paragraph per line; only a marked heading (`== History ==`) is taken as one, as nothing else sets it apart. */
function perLineBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  for (const line of body.split('\n')) {
    const wiki = wikiHeading(line);
    if (wiki) blocks.push(heading(wiki.level, wiki.text));
    else if (line.trim() !== '') blocks.push(paragraph(line.trim()));
  }
  return blocks;
}

/** Paragraphs between blank lines, hard-wrapped lines joined; marked headings, and guessed ones when there are several. */
function chunkBlocks(body: string): Block[] {
  const chunks = body
    .split(/\n[ \t]*\n+/u)
    .map((c) => splitMarked(c.split('\n')))
    .filter((c) => c.length > 0);
  const guessed = guessHeadings(chunks);
  const blocks: Block[] = [];
  chunks.forEach((chunk, k) => {
    const lines = guessed.get(k);
    if (lines) return blocks.push(guessedHeading(lines));
    for (const piece of chunk) {
      if (piece.kind === 'heading') blocks.push(heading(piece.level, piece.text));
      else {
        const text = piece.lines
          .map((l) => l.trim())
          .join(' ')
          .trim();
        if (text !== '') blocks.push(paragraph(text));
      }
    }
  });
  return blocks;
}
