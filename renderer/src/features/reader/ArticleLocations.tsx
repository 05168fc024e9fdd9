import { useId } from 'react';

/**
 * Where the article's file is, when the same file is in more than one place (a copy in another
 * folder, or added twice): Offprint shows it once, so the reader names every copy, the one opened first.
 */
export function ArticleLocations({ locations }: { locations: readonly string[] }) {
  const labelId = useId();
  if (locations.length < 2) return null;
  return (
    // App text: English, left to right, whatever the article's language (paths read left to right too).
    <div className="article-locations" lang="en" dir="ltr">
      <span id={labelId} className="locations-label">
        In {locations.length} places:
      </span>
      <ul aria-labelledby={labelId}>
        {locations.map((path, i) => (
          <li key={path}>
            <span className="location-path">{path}</span>
            {i === 0 ? <span className="location-note"> (this copy)</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
