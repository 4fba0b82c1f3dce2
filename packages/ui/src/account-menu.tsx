'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Avatar } from './avatar';
import { buttonClasses } from './button';
import { cx } from './class-names';
import { ChevronDownIcon, SignOutIcon } from './icons';

/** A link (works without JavaScript) or a handler, for apps that sign in from the browser. */
export type SignInAction = { href: string } | { onSelect: () => void };
/** A form posted to the app's server, or a handler. */
export type SignOutAction = { formAction: string } | { onSelect: () => void };

export interface AccountMenuUser {
  name: string;
  email?: string;
}

export type AccountMenuProps =
  | { status: 'loading' }
  | { status: 'signed-out'; signIn: SignInAction }
  | {
      status: 'signed-in';
      user: AccountMenuUser;
      signOut: SignOutAction;
      /** The app's pages of the signed-in user (their orders, say), above "Sign out". */
      links?: Array<{ href: string; label: string }>;
    };

/** For the `actions` slot of PortalHeader: "Sign in", or who is signed in and "Sign out". */
export function AccountMenu(props: AccountMenuProps) {
  if (props.status === 'loading') {
    return (
      <span className="inline-flex h-8 w-28 animate-pulse rounded-full bg-ink-100">
        <span className="sr-only">Checking whether you are signed in</span>
      </span>
    );
  }
  if (props.status === 'signed-out') {
    const classes = buttonClasses({ size: 'sm' });
    return 'href' in props.signIn ? (
      <a href={props.signIn.href} className={classes}>
        Sign in
      </a>
    ) : (
      <button type="button" onClick={props.signIn.onSelect} className={classes}>
        Sign in
      </button>
    );
  }
  return <SignedInMenu user={props.user} signOut={props.signOut} links={props.links} />;
}

function SignedInMenu({
  user,
  signOut,
  links,
}: {
  user: AccountMenuUser;
  signOut: SignOutAction;
  links?: Array<{ href: string; label: string }>;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      trigger.current?.focus();
    };
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', closeOnEscape);
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      document.removeEventListener('pointerdown', closeOnOutsideClick);
    };
  }, [open]);

  const signOutClasses =
    'flex h-10 w-full items-center gap-2.5 rounded-lg px-3 text-sm font-medium text-ink-700 hover:bg-ink-100 hover:text-ink-950 [&>svg]:size-4';

  return (
    <div
      ref={container}
      className="relative max-md:w-full"
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((isOpen) => !isOpen)}
        className="inline-flex h-10 max-w-56 items-center gap-2 rounded-full py-1 pr-2.5 pl-1 text-sm font-semibold text-ink-800 ring-1 ring-ink-200 transition-colors ring-inset hover:bg-ink-50 hover:text-ink-950 aria-expanded:bg-ink-100"
      >
        <Avatar name={user.name} size="sm" />
        <span className="truncate">{user.name}</span>
        <span className="sr-only">, account menu</span>
        <ChevronDownIcon
          className={cx('size-4 shrink-0 text-ink-500 transition-transform', open && 'rotate-180')}
        />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-50 mt-2 w-80 rounded-xl bg-white p-2 shadow-lift ring-1 ring-ink-200 max-md:static max-md:w-full max-md:shadow-none"
      >
        <div className="flex items-center gap-3 px-3 pt-2 pb-3">
          <Avatar name={user.name} size="md" />
          <div className="min-w-0">
            <p className="text-xs text-ink-600">Signed in as</p>
            <p className="truncate font-semibold text-ink-950">{user.name}</p>
            {user.email ? <p className="text-sm wrap-anywhere text-ink-600">{user.email}</p> : null}
          </div>
        </div>
        {links && links.length > 0 ? (
          <ul className="border-t border-ink-100 py-2">
            {links.map((link) => (
              <li key={link.href}>
                {/* A single-page app follows the link without a page load: close the menu too. */}
                <a href={link.href} className={signOutClasses} onClick={() => setOpen(false)}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="border-t border-ink-100 pt-2">
          {'formAction' in signOut ? (
            <form method="post" action={signOut.formAction}>
              <button type="submit" className={signOutClasses}>
                <SignOutIcon />
                Sign out
              </button>
            </form>
          ) : (
            <button type="button" onClick={signOut.onSelect} className={signOutClasses}>
              <SignOutIcon />
              Sign out
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
