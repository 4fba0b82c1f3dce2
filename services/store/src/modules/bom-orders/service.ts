/**
 * The BOM orders module's service: Quick Reorders from MakrCave BOMs, the codes BOMs use, and
 * makerspaces' purchasing accounts. Other modules and the flows import this file only.
 */
export { activeAccountOf, assertWithinMonthlyLimit, type AccountRow } from './accounts';
export { claimReorder, recordReorderItems, reorderById } from './reorders';
export { watchCodes } from './watched-codes';
export { quickReordersExportOf } from './privacy';
