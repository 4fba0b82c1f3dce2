import { startService } from '@makrx/service-kit';
import { caveService } from './service';

await startService(caveService);
