import { buttonClasses } from '@makrx/ui';
import { Link } from 'react-router-dom';
import { useAnalyticsAccess } from '../access';

export const analyticsPath = (slug: string) => `/makerspaces/${encodeURIComponent(slug)}/analytics`;

/** "Analytics" for those who may see the makerspace's; nothing for anyone else. */
export function AnalyticsLink({ slug }: { slug: string }) {
  if (!useAnalyticsAccess(slug)) return null;
  return (
    <Link to={analyticsPath(slug)} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      Analytics
    </Link>
  );
}
