/** Paths more than one part of the app links to. */
export const paths = {
  userAdmin: '/admin/users',
  flagAdmin: '/admin/flags',
  auditLog: '/admin/audit',
  notifications: '/notifications',
  feed: '/feed',
  addresses: '/account/addresses',
  sessions: '/account/sessions',
  account: '/account',
  editProfile: '/account/profile',
  myEcosystem: '/account/ecosystem',
  passkeys: '/account/passkeys',
} as const;
