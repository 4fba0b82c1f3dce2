import { startApp } from '@makrx/spa-kit';
import { router } from './app/router';
import './styles.css';

startApp({ site: { portal: 'cave', tagline: 'Makerspaces and machines near you' }, router });
