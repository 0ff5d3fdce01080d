// Starts read-worker.ts under tsx, for the harness and tests (which run TypeScript from source);
// the Electron build bundles read-worker.ts into read-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
