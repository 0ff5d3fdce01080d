/** A real library file served by the real harness, for browser tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness, type Harness } from '../../electron/harness/server';
import { closeLibrary } from '../../electron/services/library';
import { developmentWorkerScript, workerReader } from '../../electron/services/spreadsheet/read-off-thread';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from './browser';
import { createTempLibrary, type TempLibrary } from './library';

export const RENDERER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');

export interface ServedLibrary extends TempLibrary {
  harness: Harness;
  stop(): Promise<void>;
}

export async function serveTempLibrary(seed?: (lib: TempLibrary) => void): Promise<ServedLibrary> {
  const lib = createTempLibrary();
  // As `npm run web` does: spreadsheets are read in a worker thread.
  lib.ctx.readWorkbook = workerReader({ script: developmentWorkerScript() });
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

/**
 * One served library and one Chromium page for a whole test file (set up before all its tests,
 * closed after): the fields are filled in by then.
 */
export function servedPageForFile(seed?: (lib: TempLibrary) => void): { browser: Browser; served: ServedLibrary; watched: WatchedPage; page: Page } {
  const it = {} as { browser: Browser; served: ServedLibrary; watched: WatchedPage; page: Page };
  beforeAll(async () => {
    it.browser = await launchBrowser();
    it.served = await serveTempLibrary(seed);
    it.watched = await openPage(it.browser, it.served.harness.url);
    it.page = it.watched.page;
  });
  afterAll(async () => {
    await it.browser?.close();
    await it.served?.stop();
  });
  return it;
}
