import type { CustomerDetail, CustomerPage, Order, OrderPage, OrderStatus } from '@makrx/contracts';
import type { CarrierCode } from '@makrx/contracts/carriers';
import { callService } from '../../lib/service-client';

export interface OrderListRequest {
  status?: OrderStatus;
  q?: string;
  page: number;
}

/** Every order, newest first, for store admins: by status, and by number or email. */
export async function listOrders(request: OrderListRequest): Promise<OrderPage> {
  const query = new URLSearchParams({ page: String(request.page), pageSize: '25' });
  if (request.status) query.set('status', request.status);
  if (request.q) query.set('q', request.q);
  const { body } = await callService<OrderPage>('store', `/admin/orders?${query}`);
  return body;
}

export async function readOrderAsAdmin(id: string): Promise<Order> {
  const { body } = await callService<Order>('store', `/orders/${encodeURIComponent(id)}`);
  return body;
}

/** The store admin's steps of an order after payment, each one call to the service. */
export type AdminOrderStep =
  | { step: 'fulfil' }
  | { step: 'ship'; trackingNumber: string; carrier?: CarrierCode }
  | { step: 'deliver' }
  | { step: 'cancel' }
  | { step: 'refund'; note?: string };

const paths: Record<AdminOrderStep['step'], string> = {
  fulfil: 'fulfilment',
  ship: 'ship',
  deliver: 'deliver',
  cancel: 'cancel',
  refund: 'refund',
};

export async function moveOrder(id: string, change: AdminOrderStep): Promise<Order> {
  const { step, ...details } = change;
  const { body: order } = await callService<Order>(
    'store',
    `/orders/${encodeURIComponent(id)}/${paths[step]}`,
    { method: 'POST', json: details },
  );
  return order;
}

/** Everyone who ordered, the latest buyer first, by part of their name or email. */
export async function listCustomers(request: { q?: string; page: number }): Promise<CustomerPage> {
  const query = new URLSearchParams({ page: String(request.page), pageSize: '25' });
  if (request.q) query.set('q', request.q);
  const { body } = await callService<CustomerPage>('store', `/admin/customers?${query}`);
  return body;
}

/** A customer by account id or guest email, with their latest orders. */
export async function readCustomer(key: string): Promise<CustomerDetail> {
  const { body } = await callService<CustomerDetail>(
    'store',
    `/admin/customers/${encodeURIComponent(key)}`,
  );
  return body;
}
