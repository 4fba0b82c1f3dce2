import type { SessionUser } from '@makrx/spa-kit';
import { Button, UsersIcon } from '@makrx/ui';
import { useId } from 'react';
import { useDismissal } from '../use-dismissal';

/**
 * The cave's onboarding after a first sign-in (spec section 6, step 7): what a new maker can do
 * here, and how they come to belong to a makerspace.
 */
export function InviteOnlyWelcome({ user }: { user: SessionUser }) {
  const [dismissed, dismiss] = useDismissal(`makrcave.welcome.${user.username}`);
  const headingId = useId();
  if (dismissed) return null;

  return (
    <section
      aria-labelledby={headingId}
      className="mb-10 flex flex-col gap-4 rounded-2xl border border-accent-200 bg-accent-50 p-5 sm:flex-row sm:items-start sm:gap-5 sm:p-6"
    >
      <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-white text-xl text-accent-700 shadow-card ring-1 ring-accent-200">
        <UsersIcon />
      </span>
      <div className="min-w-0 flex-1">
        <h2 id={headingId} className="text-lg font-semibold text-ink-950">
          Welcome to MakrCave, {user.name.split(' ')[0]}
        </h2>
        <p className="mt-1.5 max-w-3xl text-sm leading-6 text-ink-700">
          Makerspaces on MakrCave are invite-only: an admin invites you by email, and the link in
          that email makes you a member. Until then, browse the directory to find a space near you
          and see its machines and what’s free right now.
        </p>
      </div>
      <Button variant="secondary" size="sm" onClick={dismiss} className="self-start">
        Got it
      </Button>
    </section>
  );
}
