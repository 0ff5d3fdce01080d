/**
 * Which better-sqlite3 binary Electron's main process loads. node_modules holds the build for
 * plain Node (tests, the command-line tool and the browser harness use it), and Electron's ABI
 * differs, so in development Electron loads its own build from .electron-native/ (made by
 * electron/main/build-native.mjs). A packaged app uses the binary electron-builder rebuilt for
 * Electron, i.e. better-sqlite3's default.
 *
 * The choice travels to electron/db/open-database.ts (the one door every database open goes
 * through) in one environment variable, read there at the first open. A packaged app deletes the
 * variable first thing, so no environment can make it load a native module of someone else's
 * choosing (the fuses close NODE_OPTIONS for the same reason).
 */
import fs from 'node:fs';
import path from 'node:path';
import { NATIVE_BINDING_ENV } from '../db/open-database';

export { NATIVE_BINDING_ENV };
export const NATIVE_DIR = '.electron-native';
export const NATIVE_FILE = 'better_sqlite3.node';

export function devNativeBindingPath(appRoot: string): string {
  return path.join(appRoot, NATIVE_DIR, NATIVE_FILE);
}

/**
 * Set (development) or clear (packaged) the variable. Returns a message for the developer when the
 * Electron build is missing; the database would otherwise fail later with a cryptic
 * NODE_MODULE_VERSION error.
 */
export function configureNativeBinding(
  env: Record<string, string | undefined>,
  options: { isPackaged: boolean; appRoot: string; exists?: (file: string) => boolean },
): string | null {
  delete env[NATIVE_BINDING_ENV];
  if (options.isPackaged) return null;
  const file = devNativeBindingPath(options.appRoot);
  if (!(options.exists ?? fs.existsSync)(file)) {
    return `缺少为 Electron 编译的 better-sqlite3（${file}）。请先运行 npm run native:electron（需要网络下载 Electron 头文件）。`;
  }
  env[NATIVE_BINDING_ENV] = file;
  return null;
}
