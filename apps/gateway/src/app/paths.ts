/** Paths more than one part of the app links to. */
export const paths = {
  userAdmin: '/admin/users',
  flagAdmin: '/admin/flags',
  auditLog: '/admin/audit',
  notifications: '/notifications',
  addresses: '/account/addresses',
  passkeys: '/account/passkeys',
} as const;
