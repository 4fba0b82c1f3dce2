import {
  ArrowRightIcon,
  buttonClasses,
  ButtonLink,
  ChipIcon,
  Container,
  CoverArt,
  LaserIcon,
  PrinterIcon,
  ShareIcon,
  SparkIcon,
} from '@makrx/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { HeroTile, HeroTileKey } from '../presentation';

const tileIcons: Record<HeroTileKey, ReactNode> = {
  printing: <PrinterIcon />,
  laser: <LaserIcon />,
  electronics: <ChipIcon />,
  community: <ShareIcon />,
};

const tileSpans: Record<HeroTileKey, string> = {
  printing: 'col-span-3',
  laser: 'col-span-2',
  electronics: 'col-span-2',
  community: 'col-span-3',
};

/** A picture tile that leads where its caption says: a real link, with the caption as its name. */
function MosaicTile({ tile }: { tile: HeroTile }) {
  return (
    <a
      href={tile.href}
      className={`group relative w-full overflow-hidden rounded-3xl shadow-lift transition duration-200 hover:-translate-y-0.5 focus-visible:ring-4 focus-visible:ring-accent-500 focus-visible:outline-none motion-reduce:transition-none motion-reduce:hover:translate-y-0`}
    >
      <CoverArt seed={`hero/${tile.key}`} icon={tileIcons[tile.key]} className="size-full" />
      <span className="absolute bottom-3 left-3 inline-flex items-center gap-1 rounded-full bg-white/95 px-3 py-1 text-xs font-semibold text-ink-900 shadow-sm group-hover:bg-white">
        {tile.caption}
        <ArrowRightIcon className="size-3.5 transition-transform group-hover:translate-x-0.5" />
      </span>
    </a>
  );
}

function MakerMosaic({ tiles }: { tiles: HeroTile[] }) {
  return (
    <nav aria-label="Explore by craft">
      <ul className="grid aspect-[5/4] grid-cols-5 grid-rows-2 gap-3 sm:gap-4">
        {tiles.map((tile) => (
          <li key={tile.key} className={`flex ${tileSpans[tile.key]}`}>
            <MosaicTile tile={tile} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface HeroProps {
  caveUrl: string;
  /** Where the picture tiles lead (`heroTiles`). */
  tiles: HeroTile[];
  /** The signed-in maker's name, to greet them by. */
  greetName?: string;
}

export function Hero({ caveUrl, tiles, greetName }: HeroProps) {
  return (
    <section className="relative isolate overflow-hidden border-b border-ink-200 bg-gradient-to-b from-accent-50 via-white to-white">
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[linear-gradient(to_right,var(--color-ink-200)_1px,transparent_1px),linear-gradient(to_bottom,var(--color-ink-200)_1px,transparent_1px)] [mask-image:radial-gradient(ellipse_at_top_left,black_20%,transparent_70%)] bg-[size:48px_48px] opacity-60"
      />
      <Container className="grid items-center gap-12 py-16 sm:py-20 lg:grid-cols-[1.05fr_1fr] lg:gap-16 lg:py-28">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-medium text-accent-700 shadow-sm ring-1 ring-accent-200">
            <SparkIcon className="size-4" />
            {greetName ? `Welcome, ${greetName}` : 'The maker ecosystem'}
          </p>
          <h1 className="mt-6 text-5xl leading-[1.05] font-extrabold tracking-tight text-ink-950 sm:text-6xl lg:text-7xl">
            <span className="block text-org-600">Dream.</span>
            <span className="block text-cave-600">Make.</span>
            <span className="block text-store-600">Share.</span>
          </h1>
          <p className="mt-6 max-w-xl text-lg leading-8 text-ink-600 sm:text-xl sm:leading-9">
            MakrX brings makers, makerspaces and materials together. Find a space with the machines
            you need, get supplies and 3D prints, and show the world what you build.
          </p>
          <div className="mt-10 flex flex-wrap gap-3">
            <ButtonLink href={caveUrl} size="lg">
              Find a makerspace
              <ArrowRightIcon />
            </ButtonLink>
            <Link to="/makers" className={buttonClasses({ variant: 'secondary', size: 'lg' })}>
              Meet the makers
            </Link>
          </div>
        </div>
        <MakerMosaic tiles={tiles} />
      </Container>
    </section>
  );
}
