/**
 * A hand-written SVG of index time and p99 query latency by corpus, one line per system, drawn from
 * a results JSON. Usage: node --import tsx bench/chart.ts bench/results/<name>.json (writes <name>.svg).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchFile, RunResult } from './results.ts';

const COLORS: Record<string, string> = {
  floor: '#999999',
  fts5: '#1f77b4',
  fts5_plain: '#17becf',
  offprint: '#d62728',
  minisearch: '#2ca02c',
  flexsearch: '#ff7f0e',
};

interface Series {
  name: string;
  value: (r: RunResult) => number | null;
}

const INDEX: Series[] = [
  { name: 'floor', value: (r) => r.seconds.floor },
  { name: 'fts5', value: (r) => r.seconds.fts5 },
  { name: 'fts5_plain', value: (r) => r.seconds.fts5_plain },
  { name: 'offprint', value: (r) => r.seconds.offprint },
  { name: 'minisearch', value: (r) => r.seconds.minisearch },
  { name: 'flexsearch', value: (r) => r.seconds.flexsearch },
];

const P99: Series[] = [
  { name: 'fts5_plain', value: (r) => r.query_ms.fts5.p99 },
  { name: 'fts5', value: (r) => r.query_ms.fts5_contentless.p99 },
  { name: 'offprint', value: (r) => r.query_ms.offprint.p99 },
  { name: 'minisearch', value: (r) => r.query_ms.minisearch.p99 },
  { name: 'flexsearch', value: (r) => r.query_ms.flexsearch.p99 },
];

const CAPTION =
  "fts5 = Offprint's schema by raw SQL (p99: bm25 only, contentless); fts5_plain = fts5(title, body) (p99: bm25 + snippet); offprint = syncFolders / searchArticles.";

const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
const W = 460;
const H = 320;
const M = { left: 56, right: 16, top: 36, bottom: 48 };

/** One panel: runs on a categorical x axis (GCIDE sizes in order, then enwiki), log-scale y. */
function panel(runs: RunResult[], series: Series[], title: string, unit: string, dx: number): string {
  const values = runs.flatMap((r) => series.map((s) => s.value(r))).filter((v): v is number => v !== null && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (i: number) => dx + M.left + (runs.length === 1 ? pw / 2 : ((i * pw) / (runs.length - 1)) * 0.9 + pw * 0.05);
  const y = (v: number) => M.top + ph - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * ph;
  const out: string[] = [`<text x="${dx + W / 2}" y="20" text-anchor="middle" font-weight="bold">${esc(title)}</text>`];
  out.push(`<rect x="${dx + M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#ccc"/>`);
  for (let d = lo; d <= hi * 1.0001; d *= 10) {
    out.push(`<line x1="${dx + M.left}" x2="${dx + M.left + pw}" y1="${y(d)}" y2="${y(d)}" stroke="#eee"/>`);
    out.push(`<text x="${dx + M.left - 6}" y="${y(d) + 4}" text-anchor="end" font-size="11">${d >= 1 ? d : d.toPrecision(1)}</text>`);
  }
  out.push(
    `<text transform="translate(${dx + 14} ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="11">${esc(unit)} (log)</text>`,
  );
  runs.forEach((r, i) => out.push(`<text x="${x(i)}" y="${M.top + ph + 16}" text-anchor="middle" font-size="11">${esc(r.label)}</text>`));
  for (const s of series) {
    const color = COLORS[s.name] ?? '#000';
    const pts = runs.map((r, i) => ({ i, r, v: s.value(r) })).filter((p) => p.v !== null && p.v > 0) as {
      i: number;
      r: RunResult;
      v: number;
    }[];
    // Only GCIDE sizes are a scaling series; enwiki (long docs) stands alone.
    const line = pts.filter((p) => p.r.corpus === 'gcide');
    if (line.length > 1)
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${line.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}"/>`);
    for (const p of pts)
      out.push(
        `<circle cx="${x(p.i)}" cy="${y(p.v)}" r="3.5" fill="${color}"><title>${esc(`${s.name} ${p.r.label}: ${p.v}`)}</title></circle>`,
      );
  }
  return out.join('\n');
}

export function renderChart(file: BenchFile): string {
  const runs = [...file.runs].sort((a, b) => (a.corpus === b.corpus ? a.docs - b.docs : a.corpus === 'gcide' ? -1 : 1));
  const names = [...new Set([...INDEX, ...P99].map((s) => s.name))];
  const legend = names
    .map(
      (n, i) =>
        `<g transform="translate(${M.left + i * 140} ${H + 8})"><rect width="12" height="12" fill="${COLORS[n]}"/><text x="18" y="11" font-size="12">${n}</text></g>`,
    )
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 50}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    panel(runs, INDEX, 'Index time', 'seconds', 0),
    panel(runs, P99, 'Query p99 (all classes pooled)', 'ms', W),
    legend,
    `<text x="${M.left}" y="${H + 40}" font-size="11" fill="#555">${esc(CAPTION)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

export function writeChart(jsonPath: string): string {
  const svgPath = jsonPath.replace(/\.json$/u, '') + '.svg';
  writeFileSync(svgPath, renderChart(JSON.parse(readFileSync(jsonPath, 'utf8')) as BenchFile));
  return svgPath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv[2];
  if (!json) throw new Error('usage: chart.ts <results.json>');
  console.log(writeChart(json));
}
