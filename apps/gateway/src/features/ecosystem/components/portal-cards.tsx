import {
  ArrowRightIcon,
  Badge,
  BuildingIcon,
  Card,
  CheckIcon,
  PortalWordmark,
  ShoppingBagIcon,
  UsersIcon,
  type Portal,
} from '@makrx/ui';
import type { ReactNode } from 'react';
import type { PortalPitch } from '../presentation';

const portalIcons: Record<Portal, ReactNode> = {
  org: <UsersIcon />,
  cave: <BuildingIcon />,
  store: <ShoppingBagIcon />,
};

function PortalCard({ pitch }: { pitch: PortalPitch }) {
  return (
    <Card interactive data-portal={pitch.portal} className="group flex h-full flex-col p-6 sm:p-8">
      <div className="flex items-center justify-between">
        <span className="grid size-12 place-items-center rounded-xl bg-accent-600 text-2xl text-white shadow-sm">
          {portalIcons[pitch.portal]}
        </span>
        {pitch.internal ? <Badge tone="accent">You’re here</Badge> : null}
      </div>
      <h3 className="mt-6 text-xl">
        <PortalWordmark portal={pitch.portal} />
      </h3>
      <p className="mt-2 text-sm leading-6 text-ink-600">{pitch.pitch}</p>
      <ul className="mt-5 space-y-2.5 text-sm text-ink-700">
        {pitch.highlights.map((highlight) => (
          <li key={highlight} className="flex items-center gap-2.5">
            <CheckIcon className="size-4 shrink-0 text-accent-600" />
            {highlight}
          </li>
        ))}
      </ul>
      <a
        href={pitch.href}
        className="mt-auto inline-flex items-center gap-1.5 pt-8 text-sm font-semibold text-accent-700 after:absolute after:inset-0 after:rounded-2xl focus-visible:outline-none"
      >
        {pitch.linkLabel}
        <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
      </a>
    </Card>
  );
}

/** The three portals, one card each, every card one link into its portal. */
export function PortalCards({ pitches }: { pitches: PortalPitch[] }) {
  return (
    <ul className="grid gap-5 md:grid-cols-3">
      {pitches.map((pitch) => (
        <li key={pitch.portal}>
          <PortalCard pitch={pitch} />
        </li>
      ))}
    </ul>
  );
}
