'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';
import { cx } from './class-names';
import { CloseIcon, MenuIcon } from './icons';
import type { NavItem } from './portals';

export interface PortalMobileMenuProps {
  nav: NavItem[];
  actions?: ReactNode;
  search?: ReactNode;
}

export function PortalMobileMenu({ nav, actions, search }: PortalMobileMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', closeOnEscape);
    return () => window.removeEventListener('keydown', closeOnEscape);
  }, [open]);

  if (nav.length === 0 && !actions && !search) return null;

  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((isOpen) => !isOpen)}
        className="-mr-2 inline-grid size-10 place-items-center rounded-lg text-xl text-ink-700 hover:bg-ink-100 hover:text-ink-950"
      >
        {open ? <CloseIcon /> : <MenuIcon />}
        <span className="sr-only">{open ? 'Close menu' : 'Open menu'}</span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        onClick={(event) => {
          if ((event.target as Element).closest('a')) setOpen(false);
        }}
        className="absolute inset-x-0 top-full z-50 border-b border-ink-200 bg-white px-4 pt-2 pb-4 shadow-lift"
      >
        {search ? <div className="pt-2 pb-3">{search}</div> : null}
        {nav.length > 0 ? (
          <nav aria-label="Main">
            <ul className="flex flex-col">
              {nav.map((item) => (
                <li key={item.href}>
                  <a
                    href={item.href}
                    aria-current={item.active ? 'page' : undefined}
                    className={cx(
                      'flex h-12 items-center rounded-lg px-3 text-base font-medium',
                      item.active
                        ? 'bg-accent-50 text-accent-700'
                        : 'text-ink-800 hover:bg-ink-50 hover:text-ink-950',
                    )}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {actions ? (
          <div className="mt-3 flex flex-wrap gap-2 border-t border-ink-100 pt-4">{actions}</div>
        ) : null}
      </div>
    </div>
  );
}
