/**
 * What a notification is about, which service raises it, and whether it also goes by email
 * unless the user turned that off. Plain data without zod, so the apps can read it cheaply.
 */
export const notificationSources = ['auth', 'cave', 'store'] as const;
export type NotificationSource = (typeof notificationSources)[number];

export const notificationKinds = [
  'account.roles_changed',
  'account.locked',
  'flags.change_proposed',
  'makerspace.update',
  'maker.achievement',
  'order.paid',
  'order.shipped',
  'print.update',
  'project.invitation',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NotificationKindInfo {
  label: string;
  description: string;
  source: NotificationSource;
  /** Important kinds go by email too, unless the user turns that off. */
  emailByDefault: boolean;
}

export const notificationKindInfo: Record<NotificationKind, NotificationKindInfo> = {
  'project.invitation': {
    label: 'Project invitations',
    description: 'A maker invited you to collaborate on their MakrCave project.',
    source: 'cave',
    emailByDefault: true,
  },
  'print.update': {
    label: 'Your 3D prints',
    description: 'A provider took, printed or shipped your print, or none could make it.',
    source: 'store',
    emailByDefault: true,
  },
  'account.roles_changed': {
    label: 'Your roles',
    description: 'An administrator gave you a role or took one away.',
    source: 'auth',
    emailByDefault: true,
  },
  'flags.change_proposed': {
    label: 'Flag change proposals',
    description: 'Another admin proposed a feature flag change that you may approve or reject.',
    source: 'auth',
    emailByDefault: true,
  },
  'account.locked': {
    label: 'Account locks',
    description: 'Your account was locked or unlocked by an administrator.',
    source: 'auth',
    emailByDefault: true,
  },
  'maker.achievement': {
    label: 'Achievements',
    description: 'You reached a milestone in MakrCave; it shows on your MakrX.org profile.',
    source: 'cave',
    emailByDefault: false,
  },
  'makerspace.update': {
    label: 'Makerspace updates',
    description: 'News from makerspaces you belong to: memberships, bookings, jobs.',
    source: 'cave',
    emailByDefault: false,
  },
  'order.paid': {
    label: 'Order paid',
    description: 'Your MakrX.Store payment went through.',
    source: 'store',
    emailByDefault: true,
  },
  'order.shipped': {
    label: 'Order shipped',
    description: 'Your MakrX.Store order is on its way.',
    source: 'store',
    emailByDefault: true,
  },
};

/** The app a notification list is asked for, by the token's client (`azp`). */
export const notificationAppOfClient: Record<string, NotificationSource> = {
  'makrx-org-frontend': 'auth',
  'makrcave-frontend': 'cave',
  'makrx-store-frontend': 'store',
};
