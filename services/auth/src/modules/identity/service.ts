/**
 * The identity module's service: what the auth service's other modules may ask of it. They
 * import this file only, never the identity tables or its other files (eslint.config.js).
 */
export {
  accountsHoldingRoles,
  addRole,
  countAccounts,
  findAdminAccount,
  lockAccount,
  removeRole,
  searchAccounts,
  unlockAccount,
  type AdminAccountRow,
} from './account-admin';
export {
  anonymiseIdentity,
  closeIdentity,
  contactOfAccount,
  DELETED,
  identityExportOf,
} from './erasure';
export { renameAccount } from './display-name';
/** The sign-in pages' look, which the auth service's other pages (the dev inbox) share. */
export { BRAND_MARK, escapeHtml, PAGE_STYLES } from './pages';
