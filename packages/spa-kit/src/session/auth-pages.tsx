import { Button, buttonClasses, CheckIcon, Container, ErrorState } from '@makrx/ui';
import { useEffect, useState } from 'react';
import { Link, useNavigate, type RouteObject } from 'react-router-dom';
import { useDocumentTitle } from '../use-document-title';
import { useBrowserSession, useSession } from './session-context';

/** Where the identity provider sends the browser back: finishes the sign-in, then moves on. */
export function AuthCallbackPage() {
  const session = useBrowserSession();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useDocumentTitle('Signing in');

  useEffect(() => {
    let current = true;
    session.completeSignIn(window.location.href).then(
      (returnTo) => {
        if (current) navigate(returnTo, { replace: true });
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [session, navigate]);

  return (
    <Container className="py-16 sm:py-24">
      {failed ? (
        <ErrorState
          titleAs="h1"
          title="We couldn’t sign you in"
          description="The sign-in didn’t complete: it may have expired, or the sign-in service isn’t answering. Please try again."
          action={
            <>
              <Button onClick={signIn}>Try again</Button>
              <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
                Go to the home page
              </Link>
            </>
          }
        />
      ) : (
        <p role="status" className="text-center text-ink-600">
          Signing you in…
        </p>
      )}
    </Container>
  );
}

/** Where the identity provider sends the browser after signing out of every MakrX app. */
export function SignedOutPage() {
  const { signIn } = useSession();
  useDocumentTitle('Signed out');
  return (
    <Container className="flex flex-col items-center py-16 text-center sm:py-24">
      <span className="grid size-12 place-items-center rounded-full bg-accent-50 text-2xl text-accent-700 ring-1 ring-accent-200">
        <CheckIcon />
      </span>
      <h1 className="mt-6 text-3xl font-bold tracking-tight text-ink-950">
        You are signed out of MakrX
      </h1>
      <p className="mt-3 max-w-md text-ink-600">
        You are signed out of MakrX.org, MakrCave and MakrX.Store in this browser.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link to="/" className={buttonClasses()}>
          Go to the home page
        </Link>
        <Button variant="secondary" onClick={signIn}>
          Sign in again
        </Button>
      </div>
    </Container>
  );
}

/** The two routes every app registers inside its layout. */
export const authRoutes: RouteObject[] = [
  { path: 'auth/callback', element: <AuthCallbackPage /> },
  { path: 'auth/signed-out', element: <SignedOutPage /> },
];
