import { SubNav } from '@makrx/ui';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { paths } from '../../../paths';
import { useMakerspaceAccess } from '../api';
import { rememberMakerspace } from '../last-makerspace';

/**
 * The sections of a makerspace its people work in: each shown only to the roles that may use
 * it. Visiting one makes this the makerspace the header's switcher comes back to.
 */
export function MakerspaceSections({ slug, name }: { slug: string; name: string }) {
  const access = useMakerspaceAccess(slug);
  const { pathname } = useLocation();
  const inside = access.status === 'known' && access.isInside;

  useEffect(() => {
    if (inside) rememberMakerspace(slug);
  }, [inside, slug]);

  if (access.status !== 'known' || !access.isInside) return null;
  const items = [
    { label: 'Overview', href: paths.makerspace(slug) },
    { label: 'Equipment', href: paths.equipment(slug) },
    ...(access.book ? [{ label: 'Calendar', href: paths.calendar(slug) }] : []),
    { label: 'Trainings', href: paths.trainings(slug) },
    ...(access.manageMembers ? [{ label: 'Members', href: paths.members(slug) }] : []),
    ...(access.viewBilling ? [{ label: 'Billing', href: paths.billing(slug) }] : []),
    ...(access.providePrints ? [{ label: 'Print jobs', href: paths.printJobs(slug) }] : []),
    ...(access.viewAnalytics ? [{ label: 'Analytics', href: paths.analytics(slug) }] : []),
    ...(access.manageFeatures ? [{ label: 'Features', href: paths.features(slug) }] : []),
    ...(access.runMakerspace ? [{ label: 'Settings', href: paths.settings(slug) }] : []),
  ].map((item) => ({
    ...item,
    active:
      item.href === paths.makerspace(slug)
        ? pathname === item.href
        : pathname.startsWith(item.href),
  }));
  return <SubNav label={`${name} sections`} items={items} className="mb-8" />;
}
