import { forwardToNotifications } from '../../../features/notifications/auth-notifications';

/** The signed-in visitor's newest notifications, for the header's bell. */
export function GET(request: Request) {
  return forwardToNotifications(request, '');
}
