import { forwardToNotifications } from '../../../../features/notifications/auth-notifications';

/** What the header's bell polls. */
export function GET(request: Request) {
  return forwardToNotifications(request, '/unread-count');
}
