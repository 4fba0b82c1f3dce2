import { ServiceErrorState, useFlag } from '@makrx/spa-kit';
import { Card, Skeleton } from '@makrx/ui';
import { AccountLayout } from '../../features/account/components/account-layout';
import { usePasskeys } from '../../features/passkeys/api';
import { PasskeyList } from '../../features/passkeys/components/passkey-list';
import { NotFoundPage } from './not-found-page';

function Passkeys() {
  const passkeys = usePasskeys();
  if (passkeys.isPending)
    return (
      <div className="grid gap-4 sm:grid-cols-2" aria-busy="true">
        <Skeleton className="h-36 w-full" />
        <Skeleton className="h-36 w-full" />
      </div>
    );
  if (passkeys.isError)
    return (
      <ServiceErrorState
        error={passkeys.error}
        subject="your passkeys"
        onRetry={() => void passkeys.refetch()}
      />
    );
  return <PasskeyList passkeys={passkeys.data.items} />;
}

export function AccountPasskeysPage() {
  const passkeysOn = useFlag('ENABLE_NEW_AUTHENTICATION_FLOW', false);
  if (!passkeysOn) return <NotFoundPage />;
  return (
    <AccountLayout
      title="Passkeys"
      description="Sign in with your fingerprint, face, device PIN or a security key instead of a password."
    >
      <div className="grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label="Your passkeys">
          <Passkeys />
        </section>
        <Card className="h-fit p-5">
          <h2 className="text-lg font-semibold text-ink-950">How passkeys work</h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-ink-700">
            <li>
              On the MakrX sign-in page, choose “Continue with a passkey” and confirm on your
              device.
            </li>
            <li>Your password keeps working; you can add a passkey on each of your devices.</li>
            <li>
              Your last way to sign in can’t be removed: add another passkey or keep a password
              first.
            </li>
          </ul>
        </Card>
      </div>
    </AccountLayout>
  );
}
