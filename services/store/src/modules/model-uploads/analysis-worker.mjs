// The analysis pool's worker entry. Worker threads start without the TypeScript loader, under
// `tsx` (its hooks do not reach workers) and under vitest alike: register it, then load the
// TypeScript worker, which imports @makrx/mesh's sources.
import { register } from 'tsx/esm/api';

register();
const { analyseModel } = await import('./analysis-worker.ts');

export default analyseModel;
