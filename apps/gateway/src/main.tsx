import { startApp } from '@makrx/spa-kit';
import { router } from './app/router';
import './styles.css';

startApp({ site: { portal: 'org', tagline: 'Dream. Make. Share.' }, router });
