import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClasses, CheckIcon, Container } from '@makrx/ui';

export const metadata: Metadata = { title: 'Signed out', robots: { index: false } };

export default function SignedOutPage() {
  return (
    <Container className="flex flex-col items-center py-16 text-center sm:py-24">
      <span className="grid size-12 place-items-center rounded-full bg-accent-50 text-2xl text-accent-700 ring-1 ring-accent-200">
        <CheckIcon />
      </span>
      <h1 className="mt-6 text-3xl font-extrabold tracking-tight text-ink-950">
        You are signed out of MakrX
      </h1>
      <p className="mt-3 max-w-md text-base leading-7 text-ink-600">
        You are signed out of MakrX.org, MakrCave and MakrX.Store in this browser.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClasses({ size: 'lg' })}>
          Back to the catalog
        </Link>
        <a href="/auth/login" className={buttonClasses({ variant: 'secondary', size: 'lg' })}>
          Sign in again
        </a>
      </div>
    </Container>
  );
}
