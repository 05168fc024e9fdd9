import { scrollBehavior } from '../../app/keys';
import { IconButton } from '../../components/IconButton';
import type { TocEntry } from './toc';

/** The article's headings; choosing one scrolls to it and moves focus there. */
export function TableOfContents({
  entries,
  headingId,
  lang,
  dir,
  onClose,
}: {
  onClose: () => void;
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
      <div className="panel-title-row">
        <h2 className="section-heading">Contents</h2>
        <IconButton icon="close" label="Close contents" onClick={onClose} />
      </div>
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
