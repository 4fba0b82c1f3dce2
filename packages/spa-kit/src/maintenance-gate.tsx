import { Button, MaintenanceBanner, MaintenanceNotice } from '@makrx/ui';
import { lazy, Suspense, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { useFlag } from './flags';
import { useRuntimeConfig } from './runtime-config';
import { useSession } from './session/session-context';
import { useSite } from './site';
import { useDocumentTitle } from './use-document-title';

const MaintenanceSwitch = lazy(() =>
  import('./maintenance-switch').then((module) => ({ default: module.MaintenanceSwitch })),
);

/** The gateway's flag settings, where maintenance is switched on and off. */
const FLAG_SETTINGS_PATH = '/admin/flags';

function MaintenancePage() {
  const { portal } = useSite();
  const { status, user, signIn } = useSession();
  useDocumentTitle('Down for maintenance');
  return (
    <MaintenanceNotice
      portal={portal}
      {...(user ? { signedInAs: user.name } : {})}
      {...(status === 'signed-out'
        ? { signIn: <Button onClick={signIn}>Administrator sign-in</Button> }
        : {})}
    />
  );
}

/** The maintenance bar of super admins, above the header. */
export function MaintenanceBar() {
  const on = useFlag('MAINTENANCE_MODE', false);
  const { user } = useSession();
  const { gatewayUrl } = useRuntimeConfig();
  if (!on || !user?.roles.includes('super_admin')) return null;
  return (
    <MaintenanceBanner
      action={
        <>
          <a
            href={`${gatewayUrl}${FLAG_SETTINGS_PATH}`}
            className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-semibold text-amber-950 underline underline-offset-2 hover:bg-amber-100"
          >
            Flag settings
          </a>
          <Suspense fallback={null}>
            <MaintenanceSwitch />
          </Suspense>
        </>
      }
    />
  );
}

/**
 * MAINTENANCE_MODE (spec 5): everyone but super admins gets the maintenance page instead of
 * the app's pages, live. The sign-in pages stay, so a super admin can still come in.
 */
export function MaintenanceGate({ children }: { children: ReactNode }) {
  const on = useFlag('MAINTENANCE_MODE', false);
  const { user } = useSession();
  const { pathname } = useLocation();
  if (!on || user?.roles.includes('super_admin') || pathname.startsWith('/auth/')) {
    return children;
  }
  return <MaintenancePage />;
}
