/**
 * The explicit context every service function takes: no module-level singletons, so a test, the
 * command-line tool, the browser harness and the Electron main process each build their own.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OpenedLibrary } from '../db/connection';
import type { ChartAssets } from './chart-render';
import type { Workbook } from './spreadsheet/xlsx-reader';
import { readInPlace, type WorkbookReader } from './spreadsheet/read-off-thread';
import { systemMounts, type MountSource } from './network-share';

export interface Dialogs {
  /** Ask for an existing library file; null when the user cancels. */
  chooseLibraryToOpen(): Promise<string | null>;
  /** Ask where to create a new library file; null when the user cancels. */
  chooseLibraryToCreate(): Promise<string | null>;
  /** Ask where to save an export (an .xlsx), suggesting a name; null when the user cancels. */
  chooseExportPath(suggestedName: string): Promise<string | null>;
}

export interface ServiceContext {
  now: () => Date;
  /**
   * The user's data folder: the default library and the recent-files list live here. Null for the
   * command-line tool, which remembers nothing between runs.
   */
  userDataDir: string | null;
  shell: 'electron' | 'browser';
  version: string;
  /** Native dialogs, which only the Electron shell has. */
  dialogs: Dialogs | null;
  /**
   * Show a folder in the system's file manager (Electron's shell.openPath, in the main process):
   * '' when shown, else why not. Null where there is none (the browser, kpw).
   */
  showFolder: ((folder: string) => Promise<string>) | null;
  /** The open library; replaced when the user opens another. */
  library: OpenedLibrary | null;
  /** How workbooks are read: in a worker thread in the app, in place on the command line. */
  readWorkbook: WorkbookReader;
  /** Workbooks read for an import preview, by token, until committed or replaced. */
  pendingImports: Map<string, { fileName: string; workbook: Workbook }[]>;
  /** The chart rasteriser's files (the packaged app has its own copies beside main.cjs). */
  chartAssets: ChartAssets;
  /** Where the system says files live (a library on a network share is warned about). */
  mounts: MountSource;
}

/**
 * The chart assets where they are: beside a bundle that has its copies (the command line's
 * dist/cli/kpw.mjs, electron/main/copy-assets.mjs), else in the source tree (tests, the harness,
 * the command line through tsx).
 */
export function sourceChartAssets(): ChartAssets {
  const here = import.meta.dirname;
  if (fs.existsSync(path.join(here, 'resvg.wasm')) && fs.existsSync(path.join(here, 'fonts'))) {
    return { wasmFile: path.join(here, 'resvg.wasm'), fontDir: path.join(here, 'fonts') };
  }
  return {
    wasmFile: createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm'),
    fontDir: path.join(import.meta.dirname, '..', 'assets', 'fonts'),
  };
}

export function createContext(options: {
  userDataDir: string | null;
  shell: ServiceContext['shell'];
  version?: string;
  now?: () => Date;
  dialogs?: Dialogs | null;
  showFolder?: ServiceContext['showFolder'];
  readWorkbook?: WorkbookReader;
  chartAssets?: ChartAssets;
  mounts?: MountSource;
}): ServiceContext {
  return {
    now: options.now ?? (() => new Date()),
    userDataDir: options.userDataDir,
    shell: options.shell,
    version: options.version ?? '0.1.0',
    dialogs: options.dialogs ?? null,
    showFolder: options.showFolder ?? null,
    library: null,
    readWorkbook: options.readWorkbook ?? readInPlace,
    pendingImports: new Map(),
    chartAssets: options.chartAssets ?? sourceChartAssets(),
    mounts: options.mounts ?? systemMounts,
  };
}

/** Timestamps in the change log: local wall-clock time with offset, readable in a history list. */
export function timestamp(ctx: ServiceContext): string {
  const d = ctx.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
}
