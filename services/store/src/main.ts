import { startService } from '@makrx/service-kit';
import { storeService } from './service';

await startService(storeService);
