import { useDocumentTitle, useSession } from '@makrx/spa-kit';
import {
  AlertIcon,
  Button,
  buttonClasses,
  Card,
  Container,
  EmptyState,
  UsersIcon,
} from '@makrx/ui';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAcceptInvite } from '../../features/invites/api';
import { inviteRefusalOf } from '../../features/invites/invite-refusal';

/**
 * Where the mailed invite leads. A guest signs in, or signs up with the invited address (the
 * token goes along, so the provider trusts that address), and comes back here; a signed-in
 * person's invite is accepted at once and they land on the makerspace.
 */
export function InviteAcceptPage() {
  useDocumentTitle('Your makerspace invite');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useSession();

  let content;
  if (!token) content = <MissingToken />;
  else if (session.status === 'loading') content = <Checking />;
  else if (session.status === 'signed-out') {
    content = <SignInFirst signIn={() => session.signInWithInvite(token)} />;
  } else content = <Accept token={token} signOut={session.signOut} />;
  return <Container className="max-w-2xl py-16 sm:py-24">{content}</Container>;
}

function Checking() {
  return (
    <p role="status" className="py-16 text-center text-ink-600">
      Checking your invite…
    </p>
  );
}

function MissingToken() {
  return (
    <EmptyState
      titleAs="h1"
      icon={<AlertIcon />}
      title="This invite link is incomplete"
      description="Open the link straight from the invite mail; copying it by hand can cut it short."
      action={
        <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
          Browse makerspaces
        </Link>
      }
    />
  );
}

function SignInFirst({ signIn }: { signIn: () => void }) {
  return (
    <Card className="p-8 text-center sm:p-10">
      <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-cave-100 text-cave-700">
        <UsersIcon className="size-6" aria-hidden />
      </span>
      <h1 className="mt-5 text-2xl font-semibold text-ink-950 sm:text-3xl">
        You’re invited to a makerspace
      </h1>
      <p className="mx-auto mt-3 max-w-md text-ink-700">
        Sign in with the email address the invite was sent to, or create your MakrX account with it,
        and you join straight away.
      </p>
      <div className="mt-6 flex justify-center">
        <Button onClick={signIn}>Accept the invite</Button>
      </div>
      <p className="mx-auto mt-6 max-w-md text-sm text-ink-600">
        New to MakrX? Choose “Create an account” on the next page: the invite confirms your email
        address, so there is no second mail to wait for.
      </p>
    </Card>
  );
}

function Accept({ token, signOut }: { token: string; signOut: () => void }) {
  const accept = useAcceptInvite();
  const navigate = useNavigate();
  const sent = useRef(false);

  useEffect(() => {
    // Once per visit: a token works once, so a second request could only be refused.
    if (sent.current) return;
    sent.current = true;
    accept.mutate(token, {
      onSuccess: ({ makerspace }) =>
        void navigate(`/makerspaces/${makerspace.slug}?joined=1`, { replace: true }),
    });
  }, [accept, navigate, token]);

  if (!accept.isError) return <Checking />;
  const refusal = inviteRefusalOf(accept.error);
  return (
    <EmptyState
      titleAs="h1"
      icon={<AlertIcon />}
      title={refusal.title}
      description={refusal.description}
      action={
        refusal.otherAccount ? (
          <Button onClick={signOut}>Sign out</Button>
        ) : (
          <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
            Browse makerspaces
          </Link>
        )
      }
    />
  );
}
