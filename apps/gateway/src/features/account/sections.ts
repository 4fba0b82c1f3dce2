import type { NavItem } from '@makrx/ui';

/** A part of the account area: its own page, listed in the account's navigation. */
export interface AccountSection {
  path: string;
  label: string;
  /** One line on the overview saying what is there. */
  summary: string;
  /** Listed only while this feature flag is on. */
  flag?: 'ENABLE_NEW_AUTHENTICATION_FLOW';
}

/**
 * The account area's sections, in the order they are listed. A new part of the account (sessions,
 * passkeys, the profile) joins by adding its entry here and its route in app/router.tsx.
 */
export const accountSections: readonly AccountSection[] = [
  {
    path: '/account/profile',
    label: 'Profile',
    summary: 'Your picture, name, skills and links, and whether others see them.',
  },
  {
    path: '/account/preferences',
    label: 'Preferences',
    summary: 'Language, units, currency and time zone across MakrX.',
  },
  {
    path: '/account/addresses',
    label: 'Addresses',
    summary: 'Where your MakrX.Store orders go, and your default shipping method.',
  },
  {
    path: '/account/sessions',
    label: 'Sessions',
    summary: 'Where you are signed in; sign out one device or everywhere.',
  },
  {
    path: '/account/passkeys',
    label: 'Passkeys',
    summary: 'Sign in with your fingerprint, face or a security key instead of a password.',
    flag: 'ENABLE_NEW_AUTHENTICATION_FLOW',
  },
  {
    path: '/notifications',
    label: 'Notifications',
    summary: 'What you are told about, and whether by email.',
  },
  {
    path: '/account/data',
    label: 'Your data',
    summary: 'Download everything MakrX holds about you, or delete your account.',
  },
];

/** The sections whose flag (if any) is on, in their order. */
export function sectionsShown(flagsOn: ReadonlySet<string>): AccountSection[] {
  return accountSections.filter((section) => !section.flag || flagsOn.has(section.flag));
}

/**
 * The overview first, then the sections shown, the one at `currentPath` marked as the current
 * page.
 */
export function accountNavItems(currentPath: string, flagsOn: ReadonlySet<string>): NavItem[] {
  const here = currentPath.replace(/\/+$/, '') || '/';
  return [{ path: '/account', label: 'Overview' }, ...sectionsShown(flagsOn)].map((section) => ({
    href: section.path,
    label: section.label,
    active: here === section.path,
  }));
}
