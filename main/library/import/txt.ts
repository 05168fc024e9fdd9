import type { ImportResult } from '../model.ts';
import type { Block } from '../../../common/blocks.ts';
import { parseDateLine } from './dates.ts';

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

function paragraph(text: string): Block {
  return { type: 'paragraph', children: [{ type: 'text', text }] };
}

/**
 * Plain text: the first line is the title; a date line and a "By …" line may follow it;
 * paragraphs are separated by blank lines (or, with none, one per line).
 */
export function importTxt(source: string, fallbackTitle: string): ImportResult {
  const { text, isAozora } = stripAozora(source);
  const lines = text.split('\n').map(trimLineEnd);
  let i = 0;
  const nextNonEmpty = () => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };
  nextNonEmpty();
  const title = (lines[i++] ?? '').trim() || fallbackTitle;
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
  const chunks = isPerLine ? body.split('\n') : body.split(/\n[ \t]*\n+/u);
  const blocks = chunks
    .map((c) =>
      (isPerLine
        ? c
        : c
            .split('\n')
            .map((l) => l.trim())
            .join(' ')
      ).trim(),
    )
    .filter((c) => c !== '')
    .map(paragraph);
  return {
    ok: true,
    doc: { title, author, date, source: null, language: null, dir: null, tags: [], format: 'txt', blocks },
  };
}
