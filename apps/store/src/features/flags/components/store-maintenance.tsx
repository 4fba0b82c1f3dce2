import { buttonClasses, MaintenanceBanner, MaintenanceNotice } from '@makrx/ui';

/** The gateway's flag settings, where maintenance is switched off. */
const FLAG_SETTINGS_PATH = '/admin/flags';

/** The maintenance page of the store, rendered on the server so it needs no JavaScript. */
export function StoreMaintenanceNotice({ signedInAs }: { signedInAs: string | undefined }) {
  return (
    <MaintenanceNotice
      portal="store"
      {...(signedInAs
        ? { signedInAs }
        : {
            signIn: (
              <a href="/auth/login?returnTo=%2F" className={buttonClasses()}>
                Administrator sign-in
              </a>
            ),
          })}
    />
  );
}

export function StoreMaintenanceBanner({ gatewayUrl }: { gatewayUrl: string }) {
  return (
    <MaintenanceBanner
      action={
        <a
          href={`${gatewayUrl}${FLAG_SETTINGS_PATH}`}
          className={buttonClasses({ variant: 'secondary', size: 'sm' })}
        >
          Turn it off in flag settings
        </a>
      }
    />
  );
}
