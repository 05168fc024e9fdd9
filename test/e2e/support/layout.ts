import type { Page } from 'playwright-core';

/** Something drawn where the user cannot see or reach it: outside the window, or in a box that scrolls sideways. */
export interface LayoutProblem {
  kind: 'outside-viewport' | 'scrolls-sideways';
  /** A short CSS-like path of the element, and what it says. */
  where: string;
  detail: string;
}

/**
 * Reads the page as drawn: every visible control and every element with its own text, clipped by the
 * boxes inside the app that clip it (scrolled-away rows are not drawn, but the window's edge excuses
 * nothing), must lie inside the viewport; no box may scroll
 * sideways except those `allowedSideways` names (wide tables and code). Form fields scroll their own text.
 */
export function layoutProblems(page: Page, allowedSideways: string): Promise<LayoutProblem[]> {
  return page.evaluate((allowed) => {
    type Rect = { left: number; top: number; right: number; bottom: number };
    type El = {
      tagName: string;
      id: string;
      className: unknown;
      parentElement: El | null;
      childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
      textContent: string | null;
      scrollWidth: number;
      clientWidth: number;
      matches: (s: string) => boolean;
      closest: (s: string) => El | null;
      getBoundingClientRect: () => Rect & { width: number; height: number };
      getAttribute: (n: string) => string | null;
    };
    type Style = { display: string; visibility: string; overflowX: string; overflowY: string; position: string; opacity: string };
    const w = globalThis as unknown as {
      innerWidth: number;
      innerHeight: number;
      getComputedStyle: (e: El) => Style;
      document: { querySelectorAll: (s: string) => ArrayLike<El>; documentElement: El; body: El };
    };
    const vw = w.innerWidth;
    const vh = w.innerHeight;
    const name = (e: El) => {
      const cls = typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/u).join('.')}` : '';
      const label = e.getAttribute('aria-label') ?? (e.textContent ?? '').trim().slice(0, 40);
      return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls} “${label}”`;
    };
    const problems: { kind: 'outside-viewport' | 'scrolls-sideways'; where: string; detail: string }[] = [];
    const CONTROL = 'button, a[href], input, select, textarea, [role="button"], [role="separator"], [tabindex="0"]';
    const all = Array.from(w.document.querySelectorAll('body *'));
    for (const el of all) {
      const style = w.getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      const isControl = el.matches(CONTROL);
      if (ownText || isControl) {
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) continue; // visually hidden text for assistive technology
        let clip: Rect = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        // The page's own roots are the window: what they cut off at its edge is lost, not scrolled away.
        for (let p = el.parentElement; p && p !== w.document.body && p.id !== 'root'; p = p.parentElement) {
          const ps = w.getComputedStyle(p);
          const pr = p.getBoundingClientRect();
          if (ps.overflowX !== 'visible') clip = { ...clip, left: Math.max(clip.left, pr.left), right: Math.min(clip.right, pr.right) };
          if (ps.overflowY !== 'visible') clip = { ...clip, top: Math.max(clip.top, pr.top), bottom: Math.min(clip.bottom, pr.bottom) };
          if (ps.position === 'fixed') break;
        }
        if (clip.right - clip.left < 1 || clip.bottom - clip.top < 1) continue; // clipped away: not drawn
        if (clip.left < -0.5 || clip.top < -0.5 || clip.right > vw + 0.5 || clip.bottom > vh + 0.5)
          problems.push({
            kind: 'outside-viewport',
            where: name(el),
            detail: `drawn at ${Math.round(clip.left)},${Math.round(clip.top)}–${Math.round(clip.right)},${Math.round(clip.bottom)} in ${vw}×${vh}`,
          });
      }
      const scrollsX = (style.overflowX === 'auto' || style.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
      if (scrollsX && !el.matches('input, textarea, select') && !el.closest(allowed))
        problems.push({ kind: 'scrolls-sideways', where: name(el), detail: `${el.scrollWidth} px of content in ${el.clientWidth} px` });
    }
    for (const root of [w.document.documentElement, w.document.body])
      if (root.scrollWidth > root.clientWidth + 1)
        problems.push({
          kind: 'scrolls-sideways',
          where: root.tagName.toLowerCase(),
          detail: `${root.scrollWidth} px in ${root.clientWidth} px`,
        });
    return problems;
  }, allowedSideways);
}
