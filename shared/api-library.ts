/**
 * The contract's methods of the shell and the library file (项目库文件): what shell this is, open,
 * create and recent libraries, the demo city, a local copy of a library on a network share, and
 * the editable lists every project refers to (categories with their lead departments, districts,
 * tags). Spread into `api` (shared/api.ts); a library's backups are in api-backups.ts.
 */
import * as z from 'zod';
import type { LibraryInfo, Lists } from './domain';
import { id, method, none, path } from './api-schemas';

const listKind = z.enum(['districts', 'categories', 'tags']);

export const libraryApi = {
  /** What shell this is and what it can do (native dialogs exist only in Electron). */
  'app.info': method(none).returns<{ version: string; shell: 'electron' | 'browser'; nativeDialogs: boolean }>(),

  /** The open library, or null when none is open. */
  'library.current': method(none).returns<LibraryInfo | null>(),
  /** Recently opened library files, newest first. */
  'library.recent': method(none).returns<string[]>(),
  /** Open an existing library file (from the recent list, or a path typed in the browser harness). */
  'library.open': method(z.object({ path }).strict()).returns<LibraryInfo>(),
  /**
   * Create a new library file with the default lists and open it (with demo, filled with the demo
   * city of 打开示例项目库). Refuses an existing file.
   */
  'library.create': method(z.object({ path, demo: z.boolean().optional() }).strict()).returns<LibraryInfo>(),
  /** 打开示例项目库: a demo city whose figures are those of the 2024 press conference (seed 000). */
  'library.openDemo': method(none).returns<LibraryInfo>(),
  /** Show the native "打开项目库…" dialog and open the chosen file (Electron only). */
  'library.openWithDialog': method(none).returns<LibraryInfo>(),
  /** Show the native "新建项目库…" dialog and create the chosen file (Electron only). */
  'library.createWithDialog': method(none).returns<LibraryInfo>(),
  /**
   * 在本机副本上工作 (offered when the library is on a network share, LibraryInfo.networkShare):
   * copy the open library to the local folder the warning names and open the copy. The share's
   * file is left as it was; returns the copy's info and the file it was copied from.
   */
  'library.openLocalCopy': method(none).returns<LibraryInfo & { copiedFrom: string }>(),

  /** The editable lists (categories with lead departments, districts, tags, leaders) and the years. */
  'lists.get': method(none).returns<Lists>(),
  /** Add a district, category (with its lead department) or tag; returns the lists. */
  'lists.add': method(z.object({ kind: listKind, name: z.string().max(200), leadDepartment: z.string().max(200).optional() }).strict()).returns<Lists>(),
  /** Rename a list item; every project using it shows the new name. */
  'lists.rename': method(z.object({ kind: listKind, id, name: z.string().max(200) }).strict()).returns<Lists>(),
  /** Set a category's lead department (the default for projects put in that category). */
  'lists.setLeadDepartment': method(z.object({ id, leadDepartment: z.string().max(200) }).strict()).returns<Lists>(),
  /** Remove a list item that no project uses; refused (CONFLICT) while any does. */
  'lists.remove': method(z.object({ kind: listKind, id }).strict()).returns<Lists>(),
} as const;
