/** Test helpers of the identity module, for other modules' tests. */
export { demoUsers, seedDemoUsers } from './demo-users';
export { signInStanding } from './accounts';
