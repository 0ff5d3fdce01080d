import type { Bridge } from '../../shared/api';

declare global {
  interface Window {
    /** Present in Electron (exposed by the preload); absent in the browser harness. */
    kpw?: Bridge;
  }
}
