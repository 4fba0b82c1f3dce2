import { useEffect } from 'react';

const SITE_NAME = 'MakrX.org';

export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : `${SITE_NAME} — Dream. Make. Share.`;
  }, [title]);
}
