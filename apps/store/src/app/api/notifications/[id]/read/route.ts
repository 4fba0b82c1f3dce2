import {
  forwardToNotifications,
  refusal,
} from '../../../../../features/notifications/auth-notifications';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) return refusal(404, 'NOT_FOUND', 'That notification was not found.');
  return forwardToNotifications(request, `/${id}/read`, 'POST');
}
