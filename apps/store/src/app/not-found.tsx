import type { Metadata } from 'next';
import { NotFoundPanel } from '../components/not-found-panel';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <NotFoundPanel
      title="We couldn't find that page"
      description="We couldn't find the page you were looking for. The link may be out of date, or the page may have moved."
    />
  );
}
