import { startService } from '@makrx/service-kit';
import { authService } from './service';

await startService(authService);
