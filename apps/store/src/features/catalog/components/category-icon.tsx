import { ChipIcon, CubeIcon, PrinterIcon, WrenchIcon, type IconProps } from '@makrx/ui';
import type { ComponentType } from 'react';

function outlined(props: IconProps) {
  return {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: '0 0 24 24',
    width: '1em',
    height: '1em',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.75,
    strokeLinecap: 'round' as const,
    strokeLinejoin: 'round' as const,
    'aria-hidden': true,
    focusable: false,
    ...props,
  };
}

function SpoolIcon(props: IconProps) {
  return (
    <svg {...outlined(props)}>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="5" />
      <circle cx="12" cy="12" r="1.5" />
    </svg>
  );
}

function DropIcon(props: IconProps) {
  return (
    <svg {...outlined(props)}>
      <path d="M12 3.2s6 6.3 6 10.6a6 6 0 0 1-12 0c0-4.3 6-10.6 6-10.6Z" />
      <path d="M9.2 14.5a2.9 2.9 0 0 0 2.3 2.6" />
    </svg>
  );
}

function NutIcon(props: IconProps) {
  return (
    <svg {...outlined(props)}>
      <path d="m12 3 7.8 4.5v9L12 21l-7.8-4.5v-9L12 3Z" />
      <circle cx="12" cy="12" r="3.2" />
    </svg>
  );
}

const iconsBySlug: Record<string, ComponentType<IconProps>> = {
  filament: SpoolIcon,
  resin: DropIcon,
  electronics: ChipIcon,
  'printer-parts': PrinterIcon,
  tools: WrenchIcon,
  hardware: NutIcon,
};

/** A category's icon; categories added later fall back to a neutral cube. */
export function CategoryIcon({ slug, ...props }: IconProps & { slug: string | undefined }) {
  const Icon = (slug && iconsBySlug[slug]) || CubeIcon;
  return <Icon {...props} />;
}
