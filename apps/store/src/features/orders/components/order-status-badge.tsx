import { Badge } from '@makrx/ui';
import type { OrderStatus } from '@makrx/contracts';
import { statusLabels, statusTones } from '../order-status';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge tone={statusTones[status]} dot>
      {statusLabels[status]}
    </Badge>
  );
}
