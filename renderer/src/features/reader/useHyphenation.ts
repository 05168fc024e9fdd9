import { useEffect, useState } from 'react';

type Hyphenate = (text: string) => string;
type PatternModule = { hyphenateSync?: (text: string, options?: { minWordLength?: number }) => string };
type Loaded = PatternModule & { default?: PatternModule };

/**
 * The languages whose patterns are bundled, each its own chunk, loaded the first time a justified
 * article in that language opens (a primary language subtag, as in lang="de-CH").
 */
const PATTERNS: Record<string, () => Promise<Loaded>> = {
  ca: () => import('hyphen/ca'),
  cs: () => import('hyphen/cs'),
  da: () => import('hyphen/da'),
  de: () => import('hyphen/de'),
  en: () => import('hyphen/en'),
  es: () => import('hyphen/es'),
  fi: () => import('hyphen/fi'),
  fr: () => import('hyphen/fr'),
  hu: () => import('hyphen/hu'),
  it: () => import('hyphen/it'),
  nb: () => import('hyphen/nb'),
  nl: () => import('hyphen/nl'),
  no: () => import('hyphen/nb'),
  pl: () => import('hyphen/pl'),
  pt: () => import('hyphen/pt'),
  ru: () => import('hyphen/ru'),
  sv: () => import('hyphen/sv'),
  tr: () => import('hyphen/tr'),
  uk: () => import('hyphen/uk'),
};

const loaded = new Map<string, Promise<Hyphenate | null>>();

function load(language: string): Promise<Hyphenate | null> {
  let p = loaded.get(language);
  if (!p) {
    const loader = PATTERNS[language];
    p = loader
      ? loader().then(
          (m) => {
            const sync = m.hyphenateSync ?? m.default?.hyphenateSync;
            if (!sync) return null;
            // Leaves repeat across renders (a hit moves, a highlight is added): each text is hyphenated once.
            const memo = new Map<string, string>();
            return (text: string) => {
              let out = memo.get(text);
              if (out === undefined) {
                out = sync(text, { minWordLength: 6 });
                if (memo.size > 20_000) memo.clear();
                memo.set(text, out);
              }
              return out;
            };
          },
          () => null,
        )
      : Promise.resolve(null);
    loaded.set(language, p);
  }
  return p;
}

/** The primary subtag of a language tag, lower case ("en-GB" → "en"). */
function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:-|$)/iu.exec(tag ?? '');
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * A function that puts soft hyphens into text of `language`, once its patterns have loaded; null while
 * they load, when `language` is null (justification is off) or when no patterns are bundled for it (the
 * CSS `hyphens: auto` then does what the platform can).
 */
export function useHyphenation(language: string | null): Hyphenate | null {
  const [state, setState] = useState<{ language: string; hyphenate: Hyphenate | null } | null>(null);
  const lang = primaryLanguage(language);
  useEffect(() => {
    if (!lang) return;
    let isLive = true;
    void load(lang).then((hyphenate) => {
      if (isLive) setState({ language: lang, hyphenate });
    });
    return () => {
      isLive = false;
    };
  }, [lang]);
  return lang && state?.language === lang ? state.hyphenate : null;
}
