import { startApp } from '@makrx/spa-kit';
import { router } from './app/router';
import './styles.css';

void startApp({
  site: { portal: 'cave', tagline: 'Makerspaces and machines near you' },
  router,
  clientId: 'makrcave-frontend',
});
