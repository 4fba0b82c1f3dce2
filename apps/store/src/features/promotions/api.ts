import type {
  AdminPromotion,
  AdminPromotionList,
  PromotionCreate,
  PromotionUpdate,
} from '@makrx/contracts';
import { callService } from '../../lib/service-client';
import type { AsTyped } from '../catalog-admin/api';

/** The store's discount code admin API, called with the signed-in admin's token. */
export const listPromotions = async () =>
  (await callService<AdminPromotionList>('store', '/admin/promotions')).body.items;

export const readPromotion = async (id: string) =>
  (await callService<AdminPromotion>('store', `/admin/promotions/${encodeURIComponent(id)}`)).body;

export const createPromotion = async (body: AsTyped<PromotionCreate>) =>
  (await callService<AdminPromotion>('store', '/admin/promotions', { method: 'POST', json: body }))
    .body;

export const updatePromotion = async (id: string, body: AsTyped<PromotionUpdate>) =>
  (
    await callService<AdminPromotion>('store', `/admin/promotions/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      json: body,
    })
  ).body;
