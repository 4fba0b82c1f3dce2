import type { CheckoutAddresses, SavedAddress, ShippingAddressInput } from '@makrx/contracts';
import { ServiceError } from '../../lib/service-client';
import type { StoreSession } from '../session/store-session';
import { readCheckoutAddresses } from './api';
import type { CheckoutDraft } from './checkout-draft';
import { addressFrom, type FieldErrors } from './checkout-input';

const none: CheckoutAddresses = { addresses: [], defaultShippingMethod: null, reachable: false };

/**
 * The signed-in buyer's addresses kept on MakrX.org, default first (through the store service,
 * which asks MakrX.org). A guest has none; a failure leaves the buyer typing an address.
 */
export async function readSavedAddresses(signedIn: boolean): Promise<CheckoutAddresses> {
  if (!signedIn) return none;
  try {
    return await readCheckoutAddresses();
  } catch (error) {
    if (error instanceof ServiceError) return none;
    throw error;
  }
}

export const NEW_ADDRESS = 'new';

export const toShippingAddress = (saved: SavedAddress): ShippingAddressInput => ({
  name: saved.name,
  line1: saved.line1,
  ...(saved.line2 ? { line2: saved.line2 } : {}),
  city: saved.city,
  ...(saved.region ? { region: saved.region } : {}),
  postalCode: saved.postalCode,
  country: saved.country,
});

const sameAddress = (a: ShippingAddressInput, b: ShippingAddressInput) =>
  (['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const).every(
    (key) => (a[key] ?? '') === (b[key] ?? ''),
  );

/** Which saved address the picker starts on: the one already chosen, else the default. */
export function preselectedAddress(
  saved: SavedAddress[],
  draft: CheckoutDraft,
): string | undefined {
  const chosen = draft.address;
  const match = chosen && saved.find((s) => sameAddress(toShippingAddress(s), chosen));
  return (match || saved.find((s) => s.isDefault) || saved[0])?.id;
}

/**
 * Whether the buyer picks from their saved addresses rather than typing one: they have some,
 * did not ask for another (`?address=new`), and are not correcting a typed one.
 */
export const picksSavedAddress = (
  saved: SavedAddress[],
  draft: CheckoutDraft,
  asked: string | undefined,
) => saved.length > 0 && asked !== NEW_ADDRESS && !draft.enteredAddress;

/**
 * The address of a checkout form: a saved one picked by id (looked up again on the server, so
 * the form cannot name someone else's), or the typed fields.
 */
export async function chosenAddressFrom(
  form: FormData,
  session: StoreSession | null,
): Promise<{
  address?: ShippingAddressInput;
  entered?: Record<string, string>;
  errors: FieldErrors;
}> {
  const picked = String(form.get('savedAddress') ?? '');
  if (!session || !picked || picked === NEW_ADDRESS) return addressFrom(form);
  const { addresses } = await readSavedAddresses(true);
  const saved = addresses.find((a) => a.id === picked);
  return saved
    ? { address: toShippingAddress(saved), errors: {} }
    : { entered: {}, errors: { savedAddress: 'missing' } };
}
