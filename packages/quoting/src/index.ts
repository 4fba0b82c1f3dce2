export { estimatePrint, fdmExtrudedVolumeMm3, layerCount, type PrintEstimate } from './estimate.js';
export { formatDuration, formatMoney, minorUnitDigits } from './format.js';
export {
  fitsBuildVolume,
  formatSize,
  orientations,
  type BuildVolumeFit,
  type Machine,
  type PartGeometry,
  type Size3,
} from './geometry.js';
export { materials, type Material, type Technology } from './materials.js';
export { assertCurrencyCode, assertMinorUnits, roundHalfUp, type CurrencyCode } from './money.js';
export {
  assertValidOffering,
  percentOffFor,
  type Offering,
  type QuantityDiscountTier,
} from './offering.js';
export {
  assertValidProcessProfile,
  defaultProcessProfile,
  qualities,
  type ProcessProfile,
  type Quality,
} from './process.js';
export {
  isQuoteValid,
  processProfileFor,
  quote,
  type Quote,
  type QuoteBreakdown,
  type QuoteLine,
  type QuoteOptions,
} from './quote.js';
export { quotesFor, type QuotesForPart, type UnavailableOffering } from './quotes-for.js';
