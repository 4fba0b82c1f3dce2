import { useEffect } from 'react';

const SITE_NAME = 'MakrCave';

export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title
      ? `${title} · ${SITE_NAME}`
      : `${SITE_NAME} — Makerspaces and machines near you`;
  }, [title]);
}
