import type {
  PurchasingAccount,
  PurchasingAccountCreate,
  PurchasingAccountList,
  PurchasingAccountUpdate,
} from '@makrx/contracts';
import { callService } from '../../lib/service-client';

/** The store's purchasing accounts API, called with the signed-in store admin's token. */
export async function listPurchasingAccounts(): Promise<PurchasingAccount[]> {
  const { body } = await callService<PurchasingAccountList>('store', '/admin/purchasing-accounts');
  return body.accounts;
}

export const createPurchasingAccount = (account: PurchasingAccountCreate) =>
  callService<PurchasingAccount>('store', '/admin/purchasing-accounts', {
    method: 'POST',
    json: account,
  });

export const updatePurchasingAccount = (id: string, changes: PurchasingAccountUpdate) =>
  callService<PurchasingAccount>('store', `/admin/purchasing-accounts/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    json: changes,
  });
