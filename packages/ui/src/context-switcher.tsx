'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { cx } from './class-names';
import { CheckIcon, ChevronDownIcon } from './icons';

export interface SwitcherOption {
  href: string;
  label: string;
  /** A second line, e.g. the user's role there. */
  detail?: string;
}

export interface ContextSwitcherProps {
  /** What the options are, for screen readers: "Your makerspaces". */
  label: string;
  options: SwitcherOption[];
  /** The option in force; its label shows on the button. */
  currentHref?: string;
  /** The button's text when no option is in force. */
  placeholder: string;
  /** Stands in for the text on phones, where the header has no room for a name. */
  icon: ReactNode;
}

/**
 * A header button that opens a short list of links, one marked current: the makerspace, team
 * or shop a user works in. A disclosure (not an ARIA menu), so links keep their usual keys;
 * Escape and a click outside close it.
 */
export function ContextSwitcher({
  label,
  options,
  currentHref,
  placeholder,
  icon,
}: ContextSwitcherProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const current = options.find((option) => option.href === currentHref);

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', closeOnEscape);
    window.addEventListener('pointerdown', closeOutside);
    return () => {
      window.removeEventListener('keydown', closeOnEscape);
      window.removeEventListener('pointerdown', closeOutside);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((isOpen) => !isOpen)}
        className="flex h-10 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-ink-800 ring-1 ring-ink-200 ring-inset hover:bg-ink-50 hover:text-ink-950 sm:h-9 sm:max-w-60"
      >
        <span className="sr-only">{label}: </span>
        <span aria-hidden="true" className="text-lg text-ink-700 sm:hidden">
          {icon}
        </span>
        <span className="truncate max-sm:sr-only">{current?.label ?? placeholder}</span>
        <ChevronDownIcon
          className={cx(
            'hidden size-4 shrink-0 text-ink-500 transition-transform sm:block',
            open && 'rotate-180',
          )}
        />
      </button>
      <div
        id={panelId}
        hidden={!open}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpen(false);
        }}
        className="absolute right-0 z-50 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl bg-white p-1.5 shadow-lift ring-1 ring-ink-200"
      >
        <p className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-ink-500 uppercase">
          {label}
        </p>
        <ul>
          {options.map((option) => {
            const isCurrent = option.href === currentHref;
            return (
              <li key={option.href}>
                <a
                  href={option.href}
                  aria-current={isCurrent ? 'page' : undefined}
                  className={cx(
                    'flex items-center gap-3 rounded-lg px-3 py-2 text-sm',
                    isCurrent ? 'bg-accent-50 text-accent-800' : 'text-ink-800 hover:bg-ink-50',
                  )}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{option.label}</span>
                    {option.detail ? (
                      <span className="block truncate text-xs text-ink-600">{option.detail}</span>
                    ) : null}
                  </span>
                  {isCurrent ? <CheckIcon className="size-4 shrink-0" /> : null}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
