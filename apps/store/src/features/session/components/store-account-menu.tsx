'use client';

import { AccountMenu, type AccountMenuUser } from '@makrx/ui';
import { usePathname, useSearchParams } from 'next/navigation';

/**
 * The header's account menu. The sign-in link carries the page it was clicked on, read here
 * rather than on the server because the layout stays put across in-app navigations.
 */
export function StoreAccountMenu({
  user,
  storeAdmin = false,
}: {
  user: AccountMenuUser | null;
  /** Shows the way to the store admin pages. */
  storeAdmin?: boolean;
}) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  if (user) {
    return (
      <AccountMenu
        status="signed-in"
        user={user}
        signOut={{ formAction: '/auth/logout' }}
        links={[
          { href: '/orders', label: 'My orders' },
          ...(storeAdmin ? [{ href: '/admin/orders', label: 'Store admin' }] : []),
        ]}
      />
    );
  }
  const returnTo = query ? `${pathname}?${query}` : pathname;
  return (
    <AccountMenu
      status="signed-out"
      signIn={{ href: `/auth/login?returnTo=${encodeURIComponent(returnTo)}` }}
    />
  );
}
