/** A real library file served by the real harness, for browser tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness, type Harness } from '../../electron/harness/server';
import { closeLibrary } from '../../electron/services/library';
import { workerReader } from '../../electron/services/spreadsheet/read-off-thread';
import { createTempLibrary, type TempLibrary } from './library';

export const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

export interface ServedLibrary extends TempLibrary {
  harness: Harness;
  stop(): Promise<void>;
}

export async function serveTempLibrary(seed?: (lib: TempLibrary) => void): Promise<ServedLibrary> {
  const lib = createTempLibrary();
  // As `npm run web` does: spreadsheets are read in a worker thread.
  lib.ctx.readWorkbook = workerReader({ script: new URL('../../electron/services/spreadsheet/read-worker-tsx.mjs', import.meta.url) });
  seed?.(lib);
  const harness = await startHarness(lib.ctx, { rendererDir: RENDERER_DIR });
  return {
    ...lib,
    harness,
    async stop() {
      await harness.close();
      closeLibrary(lib.ctx);
      lib.close();
    },
  };
}
