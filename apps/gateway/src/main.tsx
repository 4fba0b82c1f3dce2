import { startApp } from '@makrx/spa-kit';
import { router } from './app/router';
import './styles.css';

void startApp({
  site: { portal: 'org', tagline: 'Dream. Make. Share.' },
  router,
  clientId: 'makrx-org-frontend',
  // The bell and the notifications page, over the auth service's stream.
  live: { service: 'auth', invalidations: { 'notification.created': [['notifications']] } },
});
