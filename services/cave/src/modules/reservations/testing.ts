// What other modules' tests may use to set up bookings (eslint.config.js: tests only).
export { recordPastMachineUse, type PastMachineUse } from './machine-use';
