'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { cx } from './class-names';
import { CheckIcon, ChevronDownIcon } from './icons';
import { navigatorSections, type NavigatorInput, type NavigatorLink } from './portal-navigation';

export type PortalNavigatorProps = NavigatorInput;

function GridIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor" className="size-3.5">
      {[2, 7, 12].flatMap((x) =>
        [2, 7, 12].map((y) => (
          <rect key={`${x}-${y}`} x={x - 1} y={y - 1} width="3" height="3" rx="0.75" />
        )),
      )}
    </svg>
  );
}

const itemClasses =
  'flex items-center gap-3 rounded-lg px-3 py-2 text-sm text-ink-800 outline-none hover:bg-ink-50 focus-visible:bg-accent-50 focus-visible:text-accent-900 focus-visible:ring-2 focus-visible:ring-accent-500';

function MenuLink({ link, onFollow }: { link: NavigatorLink; onFollow: () => void }) {
  return (
    <a
      role="menuitem"
      tabIndex={-1}
      href={link.href}
      aria-current={link.current ? 'page' : undefined}
      onClick={onFollow}
      className={cx(itemClasses, link.current && 'bg-accent-50 text-accent-900')}
    >
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{link.label}</span>
        {link.detail ? <span className="block text-xs text-ink-600">{link.detail}</span> : null}
      </span>
      {link.current ? <CheckIcon className="size-4 shrink-0" /> : null}
    </a>
  );
}

/**
 * The redesigned way between the portals (ENABLE_PORTAL_NAVIGATION_V2): one button in the
 * header's top bar opening a menu of the three portals and, for a signed-in user, their
 * makerspaces and latest orders. The ARIA menu pattern: arrow keys, Home and End move between
 * items, Escape closes it and returns to the button, Tab leaves it.
 */
export function PortalNavigator(props: PortalNavigatorProps) {
  const [open, setOpen] = useState(false);
  // Server-rendered (the store), the button does nothing until React has hydrated it: it says so
  // by being disabled until then, rather than swallowing a click.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const sections = navigatorSections(props);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const all = items();
    if (all.length === 0) return;
    all[(index + all.length) % all.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', closeOutside);
    return () => window.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const openAt = (index: 'first' | 'last') => {
    setOpen(true);
    // The menu is shown on the next render; focus waits for it.
    requestAnimationFrame(() => focusItem(index === 'first' ? 0 : -1));
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openAt('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt('last');
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusItem(at + 1),
      ArrowUp: () => focusItem(at - 1),
      Home: () => focusItem(0),
      End: () => focusItem(-1),
      Escape: () => {
        setOpen(false);
        button.current?.focus();
      },
    };
    if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        disabled={!hydrated}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? setOpen(false) : openAt('first'))}
        onKeyDown={onButtonKey}
        className="-ml-2 flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium text-white hover:bg-white/12 aria-expanded:bg-white/12"
      >
        <GridIcon />
        <span>
          Portals<span className="max-sm:sr-only"> and my places</span>
        </span>
        <ChevronDownIcon className={cx('size-3.5 transition-transform', open && 'rotate-180')} />
      </button>
      <div
        id={menuId}
        ref={menu}
        role="menu"
        aria-label="Portals and my places"
        hidden={!open}
        onKeyDown={onMenuKey}
        className="absolute top-full left-0 z-50 mt-1.5 max-h-[calc(100dvh-4rem)] w-[22rem] max-w-[calc(100vw-1.5rem)] overflow-y-auto rounded-xl bg-white p-1.5 shadow-lift ring-1 ring-ink-200 max-sm:-left-1"
      >
        {sections.map((section, index) => (
          <div
            key={section.id}
            role="group"
            aria-labelledby={`${menuId}-${section.id}`}
            className={cx('py-1', index > 0 && 'border-t border-ink-100')}
          >
            <p
              id={`${menuId}-${section.id}`}
              className="px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-ink-500 uppercase"
            >
              {section.title}
            </p>
            {section.links.map((link) => (
              <MenuLink key={link.href} link={link} onFollow={() => setOpen(false)} />
            ))}
            {section.links.length === 0 && section.empty ? (
              <>
                <p className="px-3 py-1 text-sm text-ink-600">{section.empty.text}</p>
                <MenuLink link={section.empty.link} onFollow={() => setOpen(false)} />
              </>
            ) : null}
            {section.more ? <MenuLink link={section.more} onFollow={() => setOpen(false)} /> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
