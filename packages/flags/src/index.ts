export {
  evaluateAll,
  evaluateFlag,
  rolloutBucket,
  type FlagContext,
  type FlagDefinition,
  type FlagTargeting,
} from './evaluate.js';
export { MakrxFlagProvider, type FlagSource } from './provider.js';
