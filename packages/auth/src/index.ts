export {
  accessMatrix,
  decideAccess,
  features,
  type Access,
  type AccessDecision,
  type AccessMode,
  type Feature,
  type FeatureAccess,
} from './access-matrix';
export { authPlugin, type AuthPluginOptions } from './auth-plugin';
export {
  backendClients,
  type BackendClient,
  type Caller,
  type ServiceCaller,
  type UserCaller,
} from './caller';
export {
  requireSuperAdmin,
  requireUser,
  type MakerspaceRoleResolver,
  type RouteAccess,
} from './guard';
export {
  adminDomains,
  makerspaceRoles,
  matrixRoles,
  matrixRolesOf,
  realmRoles,
  type AdminDomain,
  type FeatureDomain,
  type MakerspaceRole,
  type MatrixRole,
} from './roles';
export {
  createTokenVerifier,
  type InvalidTokenReason,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './verify-token';
export { serviceAuthentication } from './service-authentication';
export { parkedEventRoutes } from './parked-events-routes';
