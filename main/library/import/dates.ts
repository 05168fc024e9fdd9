const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** A line that is nothing but a date ("April 28, 2023", "28 April 2023", "2023-04-28") → YYYY-MM-DD. */
export function parseDateLine(line: string): string | null {
  const s = line.trim().replace(/\u00a0/gu, ' ');
  if (s.length > 40) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'iu').exec(s);
  if (m) return iso(+m[3]!, monthIndex(m[1]!), +m[2]!);
  m = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, 'iu').exec(s);
  if (m) return iso(+m[3]!, monthIndex(m[2]!), +m[1]!);
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  return null;
}

/** Any date-ish value from metadata (front matter, meta tags) → YYYY-MM-DD, or null. */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const line = parseDateLine(value);
  if (line) return line;
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(value.trim());
  return m ? iso(+m[1]!, +m[2]!, +m[3]!) : null;
}
