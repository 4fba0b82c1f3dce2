import type { CheckoutAddresses, ShippingAddressInput } from '@makrx/contracts';
import { callService, ServiceError } from '../../lib/service-client';

/** The signed-in buyer's addresses kept on MakrX.org (the store service asks MakrX.org). */
export async function readCheckoutAddresses(): Promise<CheckoutAddresses> {
  return (await callService<CheckoutAddresses>('store', '/checkout/addresses')).body;
}

/**
 * An address as the store service would keep it (the region as its code), or why not: the
 * fields it refused (400), or the code of a destination it cannot price (422).
 */
export async function checkAddress(
  shippingAddress: ShippingAddressInput,
): Promise<
  | { address: ShippingAddressInput; fields?: undefined; refused?: undefined }
  | { address?: undefined; fields: string[]; refused?: undefined }
  | { address?: undefined; fields?: undefined; refused: string }
> {
  try {
    const { body } = await callService<{ shippingAddress: ShippingAddressInput }>(
      'store',
      '/checkout/address-check',
      { method: 'POST', json: { shippingAddress }, as: 'anonymous' },
    );
    return { address: body.shippingAddress };
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status >= 500) throw error;
    if (error.status === 400) return { fields: fieldsNamedBy(error.details) };
    return { refused: error.code };
  }
}

/** The address fields an error's details name (`shippingAddress.region` or `region`). */
function fieldsNamedBy(details: unknown): string[] {
  const named = Array.isArray(details)
    ? details.map(
        (d: { field?: unknown }) =>
          String(d?.field ?? '')
            .split('.')
            .pop() ?? '',
      )
    : [];
  const fields = named.filter(Boolean);
  return fields.length > 0 ? [...new Set(fields)] : ['address'];
}
