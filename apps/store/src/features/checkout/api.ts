import type { CheckoutAddresses } from '@makrx/contracts';
import { callService } from '../../lib/service-client';

/** The signed-in buyer's addresses kept on MakrX.org (the store service asks MakrX.org). */
export async function readCheckoutAddresses(): Promise<CheckoutAddresses> {
  return (await callService<CheckoutAddresses>('store', '/checkout/addresses')).body;
}
