import type { SalesReport } from '@makrx/contracts';
import { callService } from '../../lib/service-client';

/** Paid sales over the last `days` days, with best sellers and low stock (store admins). */
export async function readSalesReport(days: number): Promise<SalesReport> {
  const { body } = await callService<SalesReport>('store', `/admin/sales?days=${days}`);
  return body;
}
