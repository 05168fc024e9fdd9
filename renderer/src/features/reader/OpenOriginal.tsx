import { useState } from 'react';
import { api } from '../../api';
import { Icon } from '../../components/Icon';
import { IconButton } from '../../components/IconButton';

interface Props {
  id: string;
  /** Serve mode: the capability URL that downloads the file (main/serve/guard.ts originalPath). */
  url: string | null;
}

/**
 * "Open original": the article's source file. The desktop app asks main to open it with the system's
 * default app, by article id (main finds the path, never the page); serve mode downloads it.
 */
export function OpenOriginal({ id, url }: Props) {
  const [error, setError] = useState<string | null>(null);
  if (url !== null) {
    return (
      <a className="icon-button" href={url} download aria-label="Open original" title="Open original (downloads the file)">
        <Icon name="download" />
      </a>
    );
  }
  const open = async () => {
    setError(null);
    const r = await api['article.openOriginal']({ id });
    if (!r.ok) setError(r.error.message);
    else if (!r.value.opened) setError('No app on this computer opens this file.');
  };
  return (
    <>
      <IconButton icon="external" label="Open original" onClick={() => void open()} />
      {error ? (
        <span className="toolbar-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
