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
export {
  authPlugin,
  declareRoutesOfPlugin,
  type AuthPluginOptions,
  type DeclaredRoute,
} from './auth-plugin';
export {
  backendClients,
  type BackendClient,
  type Caller,
  type ServiceCaller,
  type UserCaller,
} from './caller';
export {
  callingService,
  makerspaceOfRequest,
  requestAccess,
  signedInUser,
  type MembershipSource,
  type RequestAccess,
} from './guard';
export {
  flagPermission,
  permissionNames,
  permissions,
  realmGrants,
  rolesIn,
  type MakerspaceRef,
  type Permission,
  type PermissionGrant,
} from './permissions';
export { checkRouteAccess, flagsOfRoute, makerspaceParams, type RouteAccess } from './route-access';
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
export {
  BACKCHANNEL_LOGOUT_EVENT,
  createLogoutTokenVerifier,
  type LogoutTokenVerifierOptions,
  type VerifiedLogout,
} from './logout-token';
