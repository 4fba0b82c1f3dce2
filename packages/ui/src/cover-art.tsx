import type { ReactNode } from 'react';
import { cx } from './class-names';
import { hashString, pick, seededRandom } from './seeded-random';

/** Gradient pairs chosen to sit well behind a white icon and next to the portal accents. */
const palettes = [
  ['#064e3b', '#10b981'],
  ['#134e4a', '#2dd4bf'],
  ['#0c4a6e', '#22d3ee'],
  ['#1e1b4b', '#7c3aed'],
  ['#4c1d95', '#db2777'],
  ['#7c2d12', '#f59e0b'],
  ['#0f172a', '#0d9488'],
  ['#14532d', '#22c55e'],
  ['#1e3a8a', '#38bdf8'],
  ['#831843', '#fb7185'],
  ['#3b0764', '#6366f1'],
  ['#052e16', '#14b8a6'],
  ['#450a0a', '#ea580c'],
  ['#172554', '#8b5cf6'],
] as const;

type Motif = 'blueprint' | 'contours' | 'orbits' | 'dots' | 'stripes' | 'blocks';
const motifs: readonly Motif[] = ['blueprint', 'contours', 'orbits', 'dots', 'stripes', 'blocks'];

const WIDTH = 480;
const HEIGHT = 240;

function MotifLayer({ motif, random, id }: { motif: Motif; random: () => number; id: string }) {
  switch (motif) {
    case 'blueprint':
      return (
        <>
          <defs>
            <pattern id={`${id}-grid`} width="24" height="24" patternUnits="userSpaceOnUse">
              <path d="M24 0H0V24" fill="none" stroke="#fff" strokeOpacity="0.14" />
            </pattern>
          </defs>
          <rect width={WIDTH} height={HEIGHT} fill={`url(#${id}-grid)`} />
          <circle
            cx={120 + random() * 240}
            cy={60 + random() * 120}
            r={50 + random() * 40}
            fill="none"
            stroke="#fff"
            strokeOpacity="0.35"
            strokeDasharray="6 6"
          />
        </>
      );
    case 'contours': {
      const lines = Array.from({ length: 9 }, (_, index) => {
        const baseline = 20 + index * 26;
        const amplitude = 10 + random() * 18;
        const phase = random() * WIDTH;
        return `M0 ${baseline} C ${120 + phase / 6} ${baseline - amplitude}, ${240 - phase / 8} ${baseline + amplitude}, ${WIDTH} ${baseline - amplitude / 2}`;
      });
      return (
        <g fill="none" stroke="#fff" strokeOpacity="0.2" strokeWidth="1.5">
          {lines.map((d) => (
            <path key={d} d={d} />
          ))}
        </g>
      );
    }
    case 'orbits': {
      const cx = 80 + random() * 320;
      const cy = 40 + random() * 160;
      return (
        <g fill="none" stroke="#fff">
          {[40, 80, 125, 175, 230, 290].map((r, index) => (
            <circle key={r} cx={cx} cy={cy} r={r} strokeOpacity={0.3 - index * 0.04} />
          ))}
        </g>
      );
    }
    case 'dots':
      return (
        <>
          <defs>
            <pattern id={`${id}-dots`} width="18" height="18" patternUnits="userSpaceOnUse">
              <circle cx="9" cy="9" r="1.6" fill="#fff" fillOpacity="0.28" />
            </pattern>
          </defs>
          <rect width={WIDTH} height={HEIGHT} fill={`url(#${id}-dots)`} />
          <circle cx={random() * WIDTH} cy={HEIGHT} r={110} fill="#fff" fillOpacity="0.1" />
        </>
      );
    case 'stripes':
      return (
        <g stroke="#fff" strokeWidth="14" strokeOpacity="0.09">
          {Array.from({ length: 16 }, (_, index) => {
            const x = index * 44 - 160 + random() * 8;
            return <line key={index} x1={x} y1={HEIGHT + 20} x2={x + 200} y2={-20} />;
          })}
        </g>
      );
    case 'blocks':
      return (
        <g fill="#fff">
          {Array.from({ length: 7 }, (_, index) => {
            const size = 40 + random() * 90;
            return (
              <rect
                key={index}
                x={random() * WIDTH - size / 2}
                y={random() * HEIGHT - size / 2}
                width={size}
                height={size}
                rx={size / 6}
                fillOpacity={0.05 + random() * 0.1}
                transform={`rotate(${random() * 40 - 20} ${WIDTH / 2} ${HEIGHT / 2})`}
              />
            );
          })}
        </g>
      );
  }
}

export interface CoverArtProps {
  /** Anything stable (a slug, an id): the same seed always draws the same picture. */
  seed: string;
  icon?: ReactNode;
  /** An accessible name; without one the art is decorative and hidden from assistive tech. */
  label?: string;
  /** The icon tile's size: `lg` for banners. */
  iconSize?: 'md' | 'lg';
  className?: string;
}

const iconTileClasses = {
  md: 'size-14 rounded-2xl text-3xl',
  lg: 'size-20 rounded-3xl text-4xl sm:size-24 sm:text-5xl',
};

export function CoverArt({ seed, icon, label, iconSize = 'md', className }: CoverArtProps) {
  const random = seededRandom(seed);
  const [from, to] = pick(palettes, random);
  const motif = pick(motifs, random);
  const id = `makrx-cover-${hashString(seed).toString(36)}`;
  const angle = Math.floor(random() * 90) + 20;

  return (
    <div
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
      className={cx('relative isolate overflow-hidden bg-ink-900', className)}
    >
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="xMidYMid slice"
        className="absolute inset-0 size-full"
        aria-hidden="true"
        focusable="false"
      >
        <defs>
          <linearGradient id={`${id}-bg`} gradientTransform={`rotate(${angle} 0.5 0.5)`}>
            <stop offset="0" stopColor={from} />
            <stop offset="1" stopColor={to} />
          </linearGradient>
          <radialGradient id={`${id}-glow`} cx="0.15" cy="0" r="0.9">
            <stop offset="0" stopColor="#fff" stopOpacity="0.28" />
            <stop offset="1" stopColor="#fff" stopOpacity="0" />
          </radialGradient>
        </defs>
        <rect width={WIDTH} height={HEIGHT} fill={`url(#${id}-bg)`} />
        <MotifLayer motif={motif} random={random} id={id} />
        <rect width={WIDTH} height={HEIGHT} fill={`url(#${id}-glow)`} />
      </svg>
      {icon ? (
        <div className="absolute inset-0 grid place-items-center">
          <span
            className={cx(
              'grid place-items-center bg-white/15 text-white shadow-lg ring-1 ring-white/30 backdrop-blur-sm',
              iconTileClasses[iconSize],
            )}
          >
            {icon}
          </span>
        </div>
      ) : null}
    </div>
  );
}
