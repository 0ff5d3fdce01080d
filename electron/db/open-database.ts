/**
 * The one way any code of ours opens a SQLite file: the library, a backup being verified, a file
 * being restored — in the main process, the harness, the command line, tests and worker threads.
 *
 * Why one door: Electron's main process cannot load the better-sqlite3 binary built for plain
 * Node (another ABI). In development it loads its own build from .electron-native/, named by the
 * environment variable below (set by electron/main/native-binding.ts before anything opens a
 * database; a packaged app clears it and uses the binary electron-builder rebuilt). A second
 * `new Database` somewhere that forgot the binding worked under Node and failed only in
 * `npm start` (every backup, and so every import, restore and migration). The binding is chosen
 * once per process, at the first open, and every later open reuses it.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The variable naming the Electron build of better-sqlite3 (development only). */
export const NATIVE_BINDING_ENV = 'KPW_SQLITE_NATIVE_BINDING';

export interface OpenDatabaseOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
}

let chosenBinding: { path: string | null } | null = null;

/** The binding this process uses: the variable's file, or better-sqlite3's default (null). */
export function sqliteBinding(): string | null {
  chosenBinding ??= { path: process.env[NATIVE_BINDING_ENV] || null };
  return chosenBinding.path;
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const nativeBinding = sqliteBinding();
  return new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
}

/** An in-memory database holding a copy of `bytes` (a serialized database, as `db.serialize()` gives). */
export function openDatabaseFromBytes(bytes: Buffer): Db {
  const copy = Buffer.from(bytes);
  // A library is in WAL mode, which an in-memory database cannot use: bytes 18 and 19 of the
  // header say so (2), and SQLite refuses to read the copy until they say rollback journal (1).
  if (copy.length >= 100 && copy[18] === 2 && copy[19] === 2) copy[18] = copy[19] = 1;
  const nativeBinding = sqliteBinding();
  return new Database(copy, nativeBinding ? { nativeBinding } : {});
}
