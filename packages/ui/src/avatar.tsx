import { cx } from './class-names';
import { hashString } from './seeded-random';

export type AvatarSize = 'sm' | 'md' | 'lg' | 'xl';

/** Pairs dark enough that white initials pass WCAG AA on either end of the gradient. */
const gradients = [
  ['#7c3aed', '#4338ca'],
  ['#047857', '#0f766e'],
  ['#c2410c', '#be123c'],
  ['#0369a1', '#4338ca'],
  ['#be123c', '#a21caf'],
  ['#0f766e', '#0369a1'],
  ['#a21caf', '#6d28d9'],
  ['#334155', '#0f172a'],
] as const;

const sizeClasses: Record<AvatarSize, string> = {
  sm: 'size-8 text-xs',
  md: 'size-12 text-base',
  lg: 'size-16 text-xl',
  xl: 'size-24 text-3xl',
};

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export interface AvatarProps {
  name: string;
  size?: AvatarSize;
  className?: string;
  /** Announce the name; leave off when the name is written beside the avatar. */
  labelled?: boolean;
}

export function Avatar({ name, size = 'md', className, labelled = false }: AvatarProps) {
  const [from, to] = gradients[hashString(name) % gradients.length] ?? gradients[0];
  return (
    <span
      {...(labelled ? { role: 'img', 'aria-label': name } : { 'aria-hidden': true })}
      className={cx(
        'inline-grid shrink-0 place-items-center rounded-full font-semibold tracking-wide text-white select-none',
        sizeClasses[size],
        className,
      )}
      style={{ backgroundImage: `linear-gradient(135deg, ${from}, ${to})` }}
    >
      {initialsOf(name)}
    </span>
  );
}
