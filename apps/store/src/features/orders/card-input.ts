/*
 * The offline test gateway's cards, as the pay page offers them. The page sends the store only
 * a Stripe test token (`tok_…`), never a card number: a number typed in is read here, in the
 * browser, checked as Stripe.js checks it, and turned into its token before anything is sent.
 */

export interface TestCard {
  /** What is sent: Stripe's test token for the card. */
  token: string;
  brand: string;
  /** The card's last four digits, shown; the whole number is Stripe's published test number. */
  last4: string;
  outcome: string;
}

/** Stripe's test cards the offline gateway answers (https://docs.stripe.com/testing). */
export const testCards: readonly TestCard[] = [
  { token: 'tok_visa', brand: 'Visa', last4: '4242', outcome: 'Pays' },
  { token: 'tok_mastercard', brand: 'Mastercard', last4: '4444', outcome: 'Pays' },
  {
    token: 'tok_threeDSecure2Required',
    brand: 'Visa',
    last4: '3184',
    outcome: 'Asks you to confirm (3-D Secure)',
  },
  { token: 'tok_chargeDeclined', brand: 'Visa', last4: '0002', outcome: 'Declined' },
  {
    token: 'tok_chargeDeclinedInsufficientFunds',
    brand: 'Visa',
    last4: '9995',
    outcome: 'Declined: insufficient funds',
  },
  {
    token: 'tok_chargeDeclinedExpiredCard',
    brand: 'Visa',
    last4: '0069',
    outcome: 'Declined: expired card',
  },
  {
    token: 'tok_chargeDeclinedIncorrectCvc',
    brand: 'Visa',
    last4: '0127',
    outcome: 'Declined: wrong security code',
  },
];

/** Stripe's test card numbers, each with the token that stands for it. */
const tokenOfNumber: Record<string, string> = {
  '4242424242424242': 'tok_visa',
  '5555555555554444': 'tok_mastercard',
  '4000002760003184': 'tok_threeDSecure2Required',
  '4000002500003155': 'tok_threeDSecure2Required',
  '4000000000000002': 'tok_chargeDeclined',
  '4000000000009995': 'tok_chargeDeclinedInsufficientFunds',
  '4000000000000069': 'tok_chargeDeclinedExpiredCard',
  '4000000000000127': 'tok_chargeDeclinedIncorrectCvc',
};

/** What a payment method sent to the store may look like: a token or payment method id. */
export const PAYMENT_METHOD = /^(pm|tok)_[A-Za-z0-9_]{1,200}$/;

/** `MM/YY`, `MM / YYYY` or `MMYY`, as people type an expiry date. */
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\/?(\d{2}|\d{4})$/.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  const month = Number(match[1]);
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  return month >= 1 && month <= 12 ? { month, year } : null;
}

/** The Luhn check every card number passes; a typo almost always fails it. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

export type TypedCard =
  | { token: string }
  /** Stripe's own codes and words for a card it refuses before charging. */
  | {
      code: 'incorrect_number' | 'invalid_expiry' | 'invalid_cvc' | 'card_not_accepted';
      message: string;
    };

/**
 * A card as typed, read as Stripe.js reads it: a number failing the Luhn check, an expiry in
 * the past or a malformed security code is refused here with Stripe's words; a Stripe test
 * number becomes its token. Runs in the browser only; the number goes nowhere.
 */
export function tokenForTypedCard(
  typed: { number: string; expiry: string; cvc: string },
  now = new Date(),
): TypedCard {
  const digits = typed.number.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits) || !passesLuhn(digits)) {
    return { code: 'incorrect_number', message: 'Your card number is incorrect.' };
  }
  const expiry = parseExpiry(typed.expiry);
  if (!expiry) {
    return { code: 'invalid_expiry', message: "Your card's expiration date is incomplete." };
  }
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  if (expiry.year * 12 + (expiry.month - 1) < thisMonth) {
    return { code: 'invalid_expiry', message: "Your card's expiration date is in the past." };
  }
  if (!/^\d{3,4}$/.test(typed.cvc.trim())) {
    return { code: 'invalid_cvc', message: "Your card's security code is incomplete." };
  }
  const token = tokenOfNumber[digits];
  if (!token) {
    return {
      code: 'card_not_accepted',
      message: 'This test store takes only Stripe’s test cards, such as 4242 4242 4242 4242.',
    };
  }
  return { token };
}
