/**
 * The orders module's service: what the rest of the store may ask of it. Other modules and the
 * flows import this file only, never the orders' tables or its other files (the lint rule in
 * eslint.config.js refuses them).
 */
export {
  boughtAndDelivered,
  boughtLines,
  changeOrderStatus,
  loadOrder,
  totalOfOpenOrders,
  unitsHeldBy,
  unpaidOrdersDue,
  type OrderRow,
  type StatusChange,
} from './order-records';
export {
  assertAwaitingPayment,
  assertCancellable,
  assertRefundable,
  CANCELLABLE,
  NOT_SHIPPED,
  REFUNDABLE,
  wasPaid,
} from './order-rules';
export {
  assertLineQuantities,
  assertWithinOpenOrderLimits,
  MAX_OPEN_UNPAID_ORDERS,
  MAX_UNITS_PER_LINE,
  PAYMENT_WINDOW_MS,
} from './order-holds';
export {
  hashOrderRequest,
  mergeItems,
  orderForIdempotencyKey,
  placedOrder,
  recordOrder,
  type Buyer,
  type NewOrderLine,
  type OrderItem,
  type PlaceOrder,
} from './order-placement';
export { findShippingMethod, orderTotals, priceOrder, taxRateFor } from './pricing';
export { actorIdOf, orderForCaller, orderTokenHeader } from './order-access';
export { anonymiseOrders, ordersExportOf, shippingNamesOf } from './privacy';
