import { useCallback, useEffect, useId, useMemo, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { Article, Highlight, ReadingPosition, Settings } from '../../../../common/contract';
import { scrollBehavior } from '../../app/keys';
import { Notice } from '../../components/Notice';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { SelectionToolbar } from '../highlights/SelectionToolbar';
import { useHighlights } from '../highlights/useHighlights';
import { useSelectionRange } from '../highlights/useSelectionRange';
import { ArticleView } from './ArticleView';
import { blockText, fragmentBlock } from '../../../../common/blocks';
import { blockElement } from './domOffsets';
import { decorationsByBlock } from './decorate';
import { HitBar } from './HitBar';
import { LinkDialog } from './LinkDialog';
import { ReadingProgress } from './ReadingProgress';
import { TableOfContents } from './TableOfContents';
import { tocEntries } from './toc';
import { useFindInArticle } from './useFindInArticle';
import { useHitNavigation } from './useHitNavigation';
import { useLinkOpener } from './useLinkOpener';
import { useReaderKeys } from './useReaderKeys';
import { useProgressiveBlocks } from './useProgressiveBlocks';
import { useHyphenation } from './useHyphenation';
import { useReadingPosition } from './useReadingPosition';

export type ReaderPanel = 'contents' | 'highlights' | null;

interface Props {
  article: Article;
  position: ReadingPosition | null;
  /** The blocks received so far, or null once all are (useArticle). */
  loaded: { start: number; end: number } | null;
  query: string | null;
  settings: Settings;
  panel: ReaderPanel;
  onPanel: (panel: ReaderPanel) => void;
  findRequest: number;
  containerRef: RefObject<HTMLElement | null>;
  onOpenArticle: (id: string) => void;
  onProgress: (id: string, progress: number) => void;
}

/** An open article with everything around it: hits, find, position, highlights, contents and links. */
export function ArticleReader({
  article,
  position,
  loaded,
  query,
  settings,
  panel,
  onPanel,
  findRequest,
  containerRef,
  onOpenArticle,
  onProgress,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const ids = useId();
  const headingId = useCallback((block: number) => `${ids}-h${block}`, [ids]);
  const texts = useMemo(() => article.blocks.map(blockText), [article]);
  const toc = useMemo(() => tocEntries(article), [article]);
  const [focusedHid, setFocusedHid] = useState<string | null>(null);

  const hits = useHitNavigation(scrollRef, article.hits, article.bestHit);
  const find = useFindInArticle(article.id, hits);
  const highlights = useHighlights(article.id);
  const { selection, current: currentSelection, clear: clearSelection } = useSelectionRange(articleRef, scrollRef, texts);
  // A fragment names a block (a book's links between its chapters, common/blocks.ts) or a heading by its slug.
  const targetOfFragment = useCallback(
    (f: string) => {
      const block = fragmentBlock(f);
      if (block !== null) return articleRef.current ? blockElement(articleRef.current, block) : null;
      const entry = toc.find((e) => slug(e.text) === slug(decodeFragment(f)));
      return entry ? document.getElementById(headingId(entry.block)) : null;
    },
    [toc, headingId],
  );
  const links = useLinkOpener(article.id, onOpenArticle, targetOfFragment);

  // A long article renders around where it opens first, the rest in idle time (useProgressiveBlocks).
  const opensAt = article.hits.length > 0 ? (article.hits[article.bestHit]?.block ?? 0) : (position?.block ?? 0);
  // Justified text gets soft hyphens in the article's language (the page's, where it names none).
  const hyphenate = useHyphenation(settings.justify ? (article.language ?? document.documentElement.lang) : null);
  const shown = useProgressiveBlocks({ count: article.blocks.length, target: opensAt, loaded, scrollRef, articleRef });

  const reading = useReadingPosition({
    article,
    texts,
    saved: position,
    shouldRestore: article.hits.length === 0,
    scrollRef,
    articleRef,
    layoutKey: `${settings.fontSize}|${settings.lineHeight}|${settings.fontFamily}|${settings.lineWidth}|${settings.justify}|${hyphenate ? 'h' : ''}`,
    onSaved: onProgress,
  });

  // Opened from a search: the reader takes focus (the first hit is already in view).
  useEffect(() => {
    if (query !== null) articleRef.current?.focus({ preventScroll: true });
  }, [query]);

  // Only a new request opens the find bar, not the count a previous article left behind.
  const handledFind = useRef(findRequest);
  const openFind = find.open;
  useEffect(() => {
    if (findRequest === handledFind.current) return;
    handledFind.current = findRequest;
    openFind();
  }, [findRequest, openFind]);

  const addHighlight = useCallback(async () => {
    const target = currentSelection() ?? selection;
    if (!target) return;
    const added = await highlights.add(target.range);
    if (added) clearSelection();
  }, [currentSelection, selection, highlights, clearSelection]);

  useReaderKeys({
    hasHits: hits.mode !== null || find.isOpen,
    hasSelection: () => currentSelection() !== null,
    onFind: find.open,
    onStep: hits.step,
    onLeaveHits: () => (find.isOpen ? find.close() : hits.clear()),
    onHighlight: () => void addHighlight(),
  });

  const decorations = useMemo(() => decorationsByBlock(hits.mode?.hits ?? [], highlights.list), [hits.mode, highlights.list]);

  const goToHighlight = useCallback((h: Highlight) => {
    const el = articleRef.current?.querySelector(`[data-hid="${h.hid}"]`);
    el?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
  }, []);
  // Where the reader is too narrow for a panel beside the text, the panel lies over it: a click in the text closes it.
  const onArticleClick = (e: MouseEvent) => {
    if (panel !== null && isOverlay(document.querySelector('.side-panel'))) return onPanel(null);
    const hid = (e.target as Element).closest('.highlight')?.getAttribute('data-hid');
    if (!hid || !document.getSelection()?.isCollapsed) return;
    setFocusedHid(hid);
    onPanel('highlights');
  };

  // Escape inside a panel closes it (and goes no further: the reader would leave hit mode).
  useEffect(() => {
    if (panel === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !(e.target instanceof Element) || !e.target.closest('.side-panel')) return;
      if (e.target.closest('textarea, input')) return;
      e.stopPropagation();
      onPanel(null);
      articleRef.current?.focus({ preventScroll: true });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [panel, onPanel]);

  const isHitBarShown = hits.mode !== null || find.isOpen;
  const hitBlock = hits.mode?.hits.find((h) => h.term === hits.currentTerm)?.block;
  const hitPage = hitBlock === undefined ? null : (article.blocks[hitBlock]?.page ?? null);
  return (
    <>
      {isHitBarShown ? (
        <HitBar
          isFinding={find.isOpen}
          query={query}
          findText={find.text}
          onFindText={find.setText}
          findInputRef={find.inputRef}
          count={hits.mode ? hits.count : null}
          index={hits.index}
          error={find.error}
          onStep={hits.step}
          onClose={() => (find.isOpen ? find.close() : hits.clear())}
          page={hitPage}
        />
      ) : null}
      <ReadingProgress scrollRef={scrollRef} />
      {links.message || reading.error ? (
        <Notice tone="error">
          <p>{links.message ?? reading.error}</p>
        </Notice>
      ) : null}
      <div className="reader-body">
        {/* The click only opens a highlight's note; keyboard users reach notes through the Highlights panel. */}
        <div ref={scrollRef} className="reader-scroll" onClick={onArticleClick}>
          <ArticleView
            ref={articleRef}
            article={article}
            shown={shown}
            decorations={decorations}
            currentTerm={hits.currentTerm}
            settings={settings}
            titleId={`${ids}-title`}
            headingId={headingId}
            onLink={links.onLink}
            hyphenate={hyphenate}
          />
        </div>
        {panel === 'contents' && toc.length > 0 ? (
          <TableOfContents
            entries={toc}
            headingId={headingId}
            scrollRef={scrollRef}
            lang={article.language ?? undefined}
            dir={article.dir ?? undefined}
            onClose={() => onPanel(null)}
          />
        ) : null}
        {panel === 'highlights' ? (
          <HighlightsPanel
            highlights={highlights}
            focusedHid={focusedHid}
            onGo={goToHighlight}
            onOpenArticle={onOpenArticle}
            onClose={() => onPanel(null)}
          />
        ) : null}
      </div>
      <SelectionToolbar selection={selection} containerRef={containerRef} onHighlight={() => void addHighlight()} />
      <LinkDialog url={links.pendingUrl} onConfirm={links.confirm} onCancel={links.cancel} />
    </>
  );
}

/** A panel laid over the text (the reader is too narrow for one beside it). */
function isOverlay(panel: Element | null): boolean {
  return panel !== null && getComputedStyle(panel).position === 'absolute';
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

function decodeFragment(f: string): string {
  try {
    return decodeURIComponent(f);
  } catch {
    return f;
  }
}
