/**
 * The BOM orders module's service: Quick Reorders from MakrCave BOMs, the codes BOMs use, and
 * makerspaces' purchasing accounts. Other modules import this file only.
 */
export { claimReorder, recordReorderItems } from './reorders';
export { watchCodes } from './watched-codes';
