/** Formatting shared by the library, search and reader: dates, counts and progress. */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An article date (YYYY-MM-DD, or a year or month) in the reader's locale; anything else as it is. */
export function formatDate(date: string | null, locale?: string): string {
  if (!date) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'short', year: 'numeric' }
    : mo
      ? { month: 'short', year: 'numeric' }
      : { year: 'numeric' };
  const key = `${locale ?? ''}|${d ? 'd' : mo ? 'm' : 'y'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1))));
}

/** The reader's locale: the browser's (Electron's is the system's), or the runtime's default where there is none (unit tests). */
function readerLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count as the reader writes numbers: "3,000" in en-US, "3.000" in de-DE. */
export function formatNumber(n: number, locale = readerLocale()): string {
  const key = locale ?? '';
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(key, format);
  }
  return format.format(n);
}

/** "1 result", "294 results": a count with its noun, never "N of M". */
export function formatCount(n: number, singular: string, plural = `${singular}s`, locale = readerLocale()): string {
  return `${formatNumber(n, locale)} ${n === 1 ? singular : plural}`;
}

/** Reading progress as the library and reader show it. */
export function progressLabel(progress: number | null): string | null {
  if (progress === null) return null;
  if (progress >= 0.98) return 'Finished';
  return `${Math.max(1, Math.round(progress * 100))}% read`;
}

/** Estimated reading time at 230 words a minute, at least one minute. */
export function readingTime(words: number): string {
  return `${Math.max(1, Math.round(words / 230))} min read`;
}
