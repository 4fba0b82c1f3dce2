import { cx } from './class-names';
import type { NavItem } from './portals';

export interface SubNavProps {
  /** Names the navigation for screen readers: "MakrX Hub Bengaluru". */
  label: string;
  items: NavItem[];
  className?: string;
}

/**
 * The sections of one place (a makerspace, an account): a row of tabs-as-links under its
 * title, scrolling sideways on a phone rather than wrapping.
 */
export function SubNav({ label, items, className }: SubNavProps) {
  return (
    <nav aria-label={label} className={cx('border-b border-ink-200', className)}>
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {items.map((item) => (
          <li key={item.href} className="shrink-0">
            <a
              href={item.href}
              aria-current={item.active ? 'page' : undefined}
              className={cx(
                'flex h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors',
                item.active
                  ? 'border-accent-600 text-ink-950'
                  : 'border-transparent text-ink-600 hover:border-ink-300 hover:text-ink-950',
              )}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
