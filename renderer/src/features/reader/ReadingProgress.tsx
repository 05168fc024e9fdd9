import { useEffect, useState, type RefObject } from 'react';
import { scrollProgress } from './anchor';

/** A thin bar under the toolbar showing how far through the article you are. */
export function ReadingProgress({ scrollRef }: { scrollRef: RefObject<HTMLElement | null> }) {
  const [progress, setProgress] = useState(0);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    let frame = 0;
    const update = () => setProgress(scrollProgress(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight));
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    update();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(onScroll);
    observer.observe(scroller);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef]);
  const percent = Math.round(progress * 100);
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% read`}
    >
      <div className="reading-progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
