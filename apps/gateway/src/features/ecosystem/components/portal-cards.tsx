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
  type PortalUrls,
} from '@makrx/ui';
import type { ReactNode } from 'react';

interface PortalPitch {
  portal: Portal;
  icon: ReactNode;
  pitch: string;
  highlights: string[];
  linkLabel: string;
  href: string;
  isHere: boolean;
}

function pitchesFor(urls: PortalUrls): PortalPitch[] {
  return [
    {
      portal: 'org',
      icon: <UsersIcon />,
      pitch: 'The maker hub: profiles that show what you can do, and makers worth following.',
      highlights: ['Maker profiles and skills', 'Featured makers', 'One account for every portal'],
      linkLabel: 'Meet the makers',
      href: '/makers',
      isHere: true,
    },
    {
      portal: 'cave',
      icon: <BuildingIcon />,
      pitch: 'Makerspaces and their machines, with live availability and hourly booking.',
      highlights: ['Makerspace directory', 'Live machine status', 'Tools for service providers'],
      linkLabel: 'Explore MakrCave',
      href: urls.cave,
      isHere: false,
    },
    {
      portal: 'store',
      icon: <ShoppingBagIcon />,
      pitch: 'Filament, electronics, tools and kits, plus 3D printing made by local providers.',
      highlights: [
        'Materials and tools',
        'Instant 3D printing quotes',
        'Parts for your project BOM',
      ],
      linkLabel: 'Shop MakrX.Store',
      href: urls.store,
      isHere: false,
    },
  ];
}

function PortalCard({ pitch }: { pitch: PortalPitch }) {
  return (
    <Card interactive data-portal={pitch.portal} className="group flex h-full flex-col p-6 sm:p-8">
      <div className="flex items-center justify-between">
        <span className="grid size-12 place-items-center rounded-xl bg-accent-600 text-2xl text-white shadow-sm">
          {pitch.icon}
        </span>
        {pitch.isHere ? <Badge tone="accent">You’re here</Badge> : null}
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

export function PortalCards({ urls }: { urls: PortalUrls }) {
  return (
    <ul className="grid gap-5 md:grid-cols-3">
      {pitchesFor(urls).map((pitch) => (
        <li key={pitch.portal}>
          <PortalCard pitch={pitch} />
        </li>
      ))}
    </ul>
  );
}
