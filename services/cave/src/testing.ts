/** Test support for suites outside the cave that start it beside another service. */
export {
  GREENHOUSE,
  ROBOT,
  seedBomPeople,
  setOrderingFlags,
  type BomPeople,
} from './modules/bom/testing';
export { seedDemoMemberships } from './modules/memberships/demo-memberships';
