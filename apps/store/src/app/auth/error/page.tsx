import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses, Container, ErrorState } from '@makrx/ui';

export const metadata: Metadata = { title: 'Sign-in failed', robots: { index: false } };

const explanations: Record<string, string> = {
  cookies:
    'Your browser didn’t keep the cookie that ties the sign-in to this page. Allow cookies for this site, then try again.',
  unavailable:
    'The MakrX sign-in service isn’t answering right now. Nothing on your side went wrong; please try again in a moment.',
  expired: 'The sign-in took too long or was already used. Please start it again.',
};
const fallback = 'The sign-in didn’t complete. Please try again.';

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string | string[] }>;
}) {
  const { reason } = await searchParams;
  const description = (typeof reason === 'string' && explanations[reason]) || fallback;
  return (
    <Container className="py-16 sm:py-24">
      <ErrorState
        titleAs="h1"
        title="We couldn’t sign you in"
        description={description}
        className="mx-auto max-w-2xl"
        action={
          <>
            <a href="/auth/login" className={buttonClasses({ size: 'lg' })}>
              Try again
            </a>
            <Link href="/" className={buttonClasses({ variant: 'secondary', size: 'lg' })}>
              Back to the catalog
            </Link>
          </>
        }
      />
    </Container>
  );
}
