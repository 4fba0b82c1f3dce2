import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

/**
 * The shared header, footer and pagination render plain anchors (they also serve the
 * server-rendered store). Here same-origin clicks on them become client-side navigations,
 * so moving around the app keeps its cache instead of reloading the page.
 */
export function useInternalLinkNavigation() {
  const navigate = useNavigate();

  useEffect(() => {
    const navigateInApp = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || anchor.hasAttribute('download')) return;
      if (anchor.target && anchor.target !== '_self') return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.hash && url.pathname === window.location.pathname) return;
      event.preventDefault();
      navigate(url.pathname + url.search + url.hash);
    };
    document.addEventListener('click', navigateInApp);
    return () => document.removeEventListener('click', navigateInApp);
  }, [navigate]);
}
