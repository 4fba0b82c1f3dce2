import { forwardToNotifications } from '../../../../features/notifications/auth-notifications';

export function POST(request: Request) {
  return forwardToNotifications(request, '/read-all', 'POST');
}
