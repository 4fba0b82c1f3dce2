import { ServiceErrorState, useDocumentTitle, useFlag, useSession } from '@makrx/spa-kit';
import { Button, Card, Container, EmptyState, LockIcon, SectionHeader, Skeleton } from '@makrx/ui';
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
  useDocumentTitle('Passkeys');
  const session = useSession();
  const passkeysOn = useFlag('ENABLE_NEW_AUTHENTICATION_FLOW', false);
  if (!passkeysOn) return <NotFoundPage />;
  return (
    <Container className="py-10 sm:py-14">
      {session.status === 'loading' ? (
        <p role="status" className="py-16 text-center text-ink-600">
          Checking your account…
        </p>
      ) : session.status === 'signed-out' ? (
        <EmptyState
          titleAs="h1"
          icon={<LockIcon />}
          title="Sign in to manage your passkeys"
          description="Passkeys sign you in to MakrX.org, MakrCave and MakrX.Store without a password."
          action={<Button onClick={session.signIn}>Sign in</Button>}
        />
      ) : (
        <>
          <SectionHeader
            titleAs="h1"
            eyebrow="Your account"
            title="Passkeys"
            description="Sign in with your fingerprint, face, device PIN or a security key instead of a password."
          />
          <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
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
        </>
      )}
    </Container>
  );
}
