import { startApp } from '@makrx/spa-kit';
import { router } from './app/router';
import './styles.css';

void startApp({
  site: { portal: 'org', tagline: 'Dream. Make. Share.' },
  router,
  clientId: 'makrx-org-frontend',
});
