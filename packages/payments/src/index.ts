export {
  createPaymentProvider,
  paymentsEnv,
  type ChargeRequest,
  type PaymentProvider,
  type PaymentsConfig,
  type PaymentSource,
  type ProviderPayment,
} from './provider';
export { createOfflineGateway } from './offline-gateway';
export { createStripeGateway, verifyStripeWebhook } from './stripe-gateway';
