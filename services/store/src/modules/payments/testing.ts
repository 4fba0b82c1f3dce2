/** Test helpers of the payments module, for other modules' and the flows' tests. */
export {
  FAKE_STRIPE_SECRET_KEY,
  signedStripeEvent,
  startFakeStripeApi,
  type FakeStripeApi,
} from '@makrx/payments/testing';
