/**
 * Prints the Content-Security-Policy the gateway and cave need for this environment's URLs, for
 * a web server of one's own that serves their static builds (README "Production mode").
 */
import { loadLauncherConfig, publicConfig } from './config';
import { spaPolicy } from './static-app';

const urls = publicConfig(loadLauncherConfig({ ...process.env, NODE_ENV: 'development' }));
console.log(`Content-Security-Policy: ${spaPolicy(urls)}`);
console.log('X-Frame-Options: DENY');
console.log('X-Content-Type-Options: nosniff');
console.log('Referrer-Policy: strict-origin-when-cross-origin');
