import { useCallback, useState } from 'react';

function wasDismissed(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === 'dismissed';
  } catch {
    return false;
  }
}

/** Whether a one-time note was put away; remembered in this browser across visits. */
export function useDismissal(key: string): [dismissed: boolean, dismiss: () => void] {
  const [dismissed, setDismissed] = useState(() => wasDismissed(key));
  const dismiss = useCallback(() => {
    setDismissed(true);
    try {
      window.localStorage.setItem(key, 'dismissed');
    } catch {
      // Storage is off: the note stays away until the next visit.
    }
  }, [key]);
  return [dismissed, dismiss];
}
