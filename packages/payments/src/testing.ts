/** A stand-in for Stripe's API, for the tests of the services that take payments. */
export {
  FAKE_STRIPE_SECRET_KEY,
  signedStripeEvent,
  startFakeStripeApi,
  type FakeStripeApi,
} from './fake-stripe-api';
