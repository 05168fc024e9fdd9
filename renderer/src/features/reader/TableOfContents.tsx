import { scrollBehavior } from '../../app/keys';
import type { TocEntry } from './toc';

/** The article's headings; choosing one scrolls to it and moves focus there. */
export function TableOfContents({
  entries,
  headingId,
  lang,
  dir,
}: {
  entries: TocEntry[];
  headingId: (block: number) => string;
  lang?: string | undefined;
  dir?: string | undefined;
}) {
  const top = Math.min(...entries.map((e) => e.level));
  const go = (block: number) => {
    const heading = document.getElementById(headingId(block));
    heading?.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    heading?.focus({ preventScroll: true });
  };
  return (
    <nav className="side-panel toc" aria-label="Table of contents">
      <h2 className="section-heading">Contents</h2>
      <ol className="toc-list" lang={lang} dir={dir}>
        {entries.map((e) => (
          <li key={e.block} className={`toc-level-${Math.min(4, e.level - top + 1)}`}>
            <a
              href={`#${headingId(e.block)}`}
              onClick={(ev) => {
                ev.preventDefault();
                go(e.block);
              }}
            >
              {e.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
