import { routedServiceOrder, type RouteServiceOrderBody } from '@makrx/contracts';
import type { EventConsumer } from '@makrx/service-kit';
import { findOwnModelUpload } from '../model-uploads/service';
import { loadOrder } from '../orders/service';
import { markRouting, printOrderOfOrder } from './service';

/**
 * Spec flow "Upload STL → Job Routing", "Create service order → Route to available provider":
 * once a print order is paid, the cave is asked to route it (spec section 7,
 * `POST /api/v1/jobs/route-service-order`). The cave routes one service order once however
 * often it is asked, so a repeated delivery is harmless; every change of the job then comes
 * back as a report (`POST /api/v1/service-orders/:id/updates`).
 */
export const routePaidPrintOrder: EventConsumer<'store.order.paid'> = {
  name: 'route-paid-print-order',
  eventTypes: ['store.order.paid'],
  outsideTransaction: true,
  async handle(event, { app }) {
    const paid = event.payload;
    const print = await printOrderOfOrder(app.db, paid.orderId);
    if (!print || (print.status !== 'awaiting_payment' && print.status !== 'routing')) return;
    await markRouting(app.db, print.id);
    const upload = (await findOwnModelUpload(app.db, print.uploadId, print.ownerId))!;
    const { order } = (await loadOrder(app.db, { id: paid.orderId }))!;
    const body: RouteServiceOrderBody = {
      serviceOrderId: print.id,
      orderNumber: paid.orderNumber,
      customer: { userId: print.ownerId, name: order.shippingAddress.name },
      ...(print.projectId ? { projectId: print.projectId } : {}),
      requirements: {
        materialKey: print.quote.materialKey,
        quality: print.quote.quality,
        quantity: print.quote.quantity,
        partSizeMm: print.partSizeMm,
        volumeMm3: print.volumeMm3,
        printMinutes: print.printMinutes,
        dueBy: print.dueBy.toISOString(),
      },
      preferences: { offeringId: print.quote.offeringId },
      // The print line's price (tax is the store's): what the provider's earnings come from.
      price: { total: print.quote.total, currency: print.quote.currency },
      file: {
        uploadId: upload.id,
        name: upload.originalName,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
      },
    };
    await app.peers.json('cave', '/api/v1/jobs/route-service-order', routedServiceOrder, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  },
};
