import { runServiceProcess } from '@makrx/service-kit';
import { storeService } from './service';

await runServiceProcess(storeService);
