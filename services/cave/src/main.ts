import { runServiceProcess } from '@makrx/service-kit';
import { caveService } from './service';

await runServiceProcess(caveService);
