import type { ReactNode } from 'react';
import { Container } from './container';
import { CheckIcon, ClockIcon, WrenchIcon } from './icons';
import { portalInfo, type Portal } from './portals';

export interface MaintenanceNoticeProps {
  portal: Portal;
  /** For the administrators who may still come in: a sign-in link or button. */
  signIn?: ReactNode;
  /** Who is signed in, when it is someone the maintenance window keeps out. */
  signedInAs?: string;
}

const promises = [
  'Everything you saved is kept: projects, orders, bookings and your profile.',
  'Nothing is charged or changed while we work.',
  'This page comes back by itself as soon as we are done; no need to reload.',
];

/**
 * What every app shows while MAINTENANCE_MODE is on (spec 5), in place of its pages. Plain
 * markup, so the store can render it on the server for browsers without JavaScript.
 */
export function MaintenanceNotice({ portal, signIn, signedInAs }: MaintenanceNoticeProps) {
  const { name } = portalInfo(portal);
  return (
    <section aria-labelledby="maintenance-heading" className="bg-ink-50 py-16 sm:py-24">
      <Container className="max-w-3xl">
        <div className="rounded-3xl border border-ink-200 bg-white px-6 py-10 text-center shadow-card sm:px-12 sm:py-14">
          <div className="mx-auto mb-6 grid size-14 place-items-center rounded-2xl bg-accent-50 text-accent-700 ring-1 ring-accent-200">
            <WrenchIcon className="size-7" />
          </div>
          <p className="text-sm font-semibold tracking-wide text-accent-700 uppercase">
            Scheduled maintenance
          </p>
          <h1
            id="maintenance-heading"
            className="mt-2 text-3xl font-bold tracking-tight text-ink-950 sm:text-4xl"
          >
            {name} is being upgraded
          </h1>
          <p className="mx-auto mt-4 max-w-xl text-base text-ink-700">
            We are working on the MakrX platform right now, so {name} is paused for a few minutes.
            Thank you for your patience.
          </p>
          <p className="mt-4 inline-flex items-center gap-2 rounded-full bg-ink-100 px-3 py-1 text-sm font-medium text-ink-800">
            <ClockIcon className="size-4" />
            Usually back within the hour
          </p>
          <ul className="mx-auto mt-8 max-w-md space-y-3 text-left text-sm text-ink-700">
            {promises.map((promise) => (
              <li key={promise} className="flex gap-3">
                <CheckIcon className="mt-0.5 size-4 shrink-0 text-accent-700" />
                <span>{promise}</span>
              </li>
            ))}
          </ul>
          {signIn || signedInAs ? (
            <div className="mt-10 border-t border-ink-200 pt-6 text-sm text-ink-700">
              {signedInAs ? (
                <p>
                  You are signed in as <span className="font-semibold">{signedInAs}</span>. Only
                  platform administrators can use MakrX during maintenance.
                </p>
              ) : (
                <p>Platform administrators can still sign in.</p>
              )}
              {signIn ? <div className="mt-4 flex justify-center">{signIn}</div> : null}
            </div>
          ) : null}
        </div>
      </Container>
    </section>
  );
}

export interface MaintenanceBannerProps {
  /** Where the flag is switched off: the flag settings, or a button doing it here. */
  action: ReactNode;
}

/** What super admins see above every page while MAINTENANCE_MODE is on. */
export function MaintenanceBanner({ action }: MaintenanceBannerProps) {
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 text-amber-950">
      <Container className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="flex items-start gap-2 text-sm">
          <WrenchIcon className="mt-0.5 size-4 shrink-0" />
          <span>
            <span className="font-semibold">Maintenance mode is on.</span> Everyone else sees the
            maintenance page and cannot make changes; you can.
          </span>
        </p>
        <div className="flex shrink-0 flex-wrap gap-2">{action}</div>
      </Container>
    </div>
  );
}
