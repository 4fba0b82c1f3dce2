import { startApp } from '@makrx/spa-kit';
import { caveLiveInvalidations } from './app/live-invalidations';
import { router } from './app/router';
import './styles.css';

void startApp({
  site: { portal: 'cave', tagline: 'Makerspaces and machines near you' },
  router,
  clientId: 'makrcave-frontend',
  // Machine status, bookings and the bell's notifications, over the cave service's stream.
  live: { service: 'cave', invalidations: caveLiveInvalidations },
});
