/** A real library file in a fresh temporary folder, with services over it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createContext, type ServiceContext } from '../../electron/services/context';
import { closeLibrary, createLibrary } from '../../electron/services/library';

export interface TempLibrary {
  ctx: ServiceContext;
  dir: string;
  file: string;
  close(): void;
}

export function tempDir(prefix = 'kpw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function createTempLibrary(options: { now?: () => Date } = {}): TempLibrary {
  const dir = tempDir();
  const file = path.join(dir, '项目库.kpw');
  const ctx = createContext({ userDataDir: path.join(dir, 'userData'), shell: 'browser', now: options.now });
  createLibrary(ctx, file);
  return {
    ctx,
    dir,
    file,
    close() {
      closeLibrary(ctx);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
