/**
 * The one contract between the renderer and the main process: every call the renderer may make,
 * with a doc comment, a runtime schema for its argument and the type of its result.
 *
 * Three implementations satisfy it: the Electron preload (over IPC), the browser harness (over
 * loopback HTTP) and the tests (calling the handlers directly); kpw calls it as the harness does.
 * Arguments are validated against these schemas before any side effect; a bad argument comes back
 * as an INVALID_ARGUMENT error with a Chinese message. Results travel as ApiResult values (see
 * result.ts), never as thrown errors, and are plain data (structured-clone-able).
 *
 * The methods are written by domain, each file with its doc comments, and assembled here into the
 * one `api` every client goes through (the pieces they share are in api-schemas.ts):
 *
 *   api-library.ts      the shell, library files (open, create, recent, demo, local copy), lists
 *   api-projects.ts     项目库: a year's list in the grid (edit, add, remove, copy, paste)
 *   api-import.ts       表格导入导出: project lists and dispatch sheets (preview, commit), exports
 *   api-stats.ts        统计分析 and 赛马: the engine's figures, ranking, trend, drill-down
 *   api-settings.ts     设置: warning rules, 口径 (number style), the plan's split by month
 *   api-dispatch.ts     月调度: a month's reports, 关账 and reopening
 *   api-history.ts      撤销/重做
 *   api-problems.ts     问题清单
 *   api-supervisions.ts 督办: 预警通知书 and 督办单, feedback, review, closing
 *   api-ledgers.ts      台账: action plans and their five ledgers
 *   api-backups.ts      备份与恢复, and recovering a library that cannot be opened
 *   api-drafts.ts       材料生成: drafts, their templates, fonts and 办复类别
 *   api-lifecycle.ts    项目全周期: stages, 前期手续, 要素保障
 */
import type { z } from 'zod';
import type { ApiResult } from './result';
import { libraryApi } from './api-library';
import { projectsApi } from './api-projects';
import { importApi } from './api-import';
import { statsApi } from './api-stats';
import { settingsApi } from './api-settings';
import { dispatchApi } from './api-dispatch';
import { historyApi } from './api-history';
import { problemsApi } from './api-problems';
import { supervisionsApi } from './api-supervisions';
import { ledgersApi } from './api-ledgers';
import { backupsApi } from './api-backups';
import { draftsApi } from './api-drafts';
import { lifecycleApi } from './api-lifecycle';
import { chartsApi } from './api-charts';

export type { PasteOutcome } from './api-projects';
export type { Ranking } from './api-stats';
export type { HistoryStep } from './api-history';
export type { DraftExport, TemplateState } from './api-drafts';
export type { SavedFile } from './api-schemas';

export const api = {
  ...libraryApi,
  ...projectsApi,
  ...importApi,
  ...statsApi,
  ...settingsApi,
  ...dispatchApi,
  ...historyApi,
  ...problemsApi,
  ...supervisionsApi,
  ...ledgersApi,
  ...backupsApi,
  ...draftsApi,
  ...lifecycleApi,
  /** The charts' short names (shared/api-charts.ts). */
  ...chartsApi,
} as const;

export type Api = typeof api;
export type Method = keyof Api;
export const METHODS = Object.keys(api) as Method[];
export type ArgsOf<M extends Method> = z.input<Api[M]['args']>;
export type ParsedArgsOf<M extends Method> = z.output<Api[M]['args']>;
export type ResultOf<M extends Method> = Api[M]['result'];

/** How the renderer calls the main process, whatever carries the call. */
export type Invoke = <M extends Method>(method: M, args: ArgsOf<M>) => Promise<ApiResult<ResultOf<M>>>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** Turn a schema failure into one Chinese sentence naming the argument. */
export function describeSchemaError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return '参数无效';
  const where = first.path.length ? `参数 ${first.path.join('.')}：` : '参数：';
  return where + first.message;
}

/**
 * Commands the main process sends to the renderer (from the application menu). In the browser
 * harness the renderer raises the same commands from its own keyboard shortcuts.
 */
export const COMMANDS = ['library.changed', 'history.undo', 'history.redo', 'import.projects', 'import.progress', 'export.projects'] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(name: unknown): name is Command {
  return typeof name === 'string' && (COMMANDS as readonly string[]).includes(name);
}

/** What the Electron preload exposes as `window.kpw`, and nothing else. */
export interface Bridge {
  invoke: Invoke;
  /** Listen to menu commands; returns a function that stops listening. */
  onCommand(listener: (command: Command) => void): () => void;
}

/** IPC channel names, shared by main and preload so they cannot drift apart. */
export const IPC_INVOKE = 'kpw:invoke';
export const IPC_COMMAND = 'kpw:command';
