/**
 * The contract's implementation: one handler per method of shared/api.ts, and `dispatch`, which
 * every transport (Electron IPC, the loopback harness, tests) goes through. dispatch validates the
 * argument against the contract's schema before anything runs, and turns every failure into an
 * ApiError value with a Chinese message; a stack trace never leaves this file.
 */
import { openLocalCopy } from './local-copy';
import { api, describeSchemaError, isMethod, type Method, type ParsedArgsOf, type ResultOf } from '../../shared/api';
import { AppError, type ApiResult } from '../../shared/result';
import type { ServiceContext } from './context';
import { undo, redo, historyState } from './history';
import { createDemoLibrary, createLibrary, libraryInfo, openDemoLibrary, openLibrary, readRecent, requireDb } from './library';
import { readLists } from '../db/lists';
import { closeMonth, dispatchRows, monthState, reopenMonth, updateDispatch } from './dispatch';
import { monthContext } from './month-freeze';
import { monthlyTrend, ranking, statistics } from './statistics';
import { projectsBehind } from './statistics/drill-down';
import { setThresholds, warningThresholds } from './statistics/warning-rules';
import { numberStyleOf, setNumberStyle } from './number-style';
import { chartShortNames, setChartShortNames } from './chart-names';
import { planSplitSetting, setPlanSplitSetting } from './statistics/plan-split';
import { exportRanking } from './export/ranking';
import { commitImport, commitProgress, exportProjects, previewImport, previewProgress } from './import/import-files';
import { addListItem, removeListItem, renameList, setLeadDepartment } from './lists';
import { buildDraft, draftFonts, exportDraft, setDraftFonts } from './drafts/index';
import { backupsFolder, backupsOf, listBackups, makeBackup, openBackupsFolder, recoverLibrary, restoreBackup, saveBackupAs, verifyBackup } from './backups';
import { exportLedgers, items, plans, summaries, updateLedgerItem } from './ledgers';
import { commitLedgerFile, previewLedgerFile } from './ledger-import';
import { exportDistrictTemplate } from './export/district-template';
import { addProblem, listProblems, problemsAtMonthEnd, problemSummary, removeProblem, updateProblem } from './problems';
import { listTemplates, resetTemplates, setTemplate } from './drafts/templates';
import { replyCategories, setReplyCategories } from './drafts/reply-categories';
import { closeSupervision, issueSupervision, listSupervisions, recordFeedback, removeSupervision, reviewFeedback } from './supervisions';
import { stageStatistics } from './statistics/lifecycle';
import { listProcedures, overdueOf, procedureCountsOf, updateProcedure } from './procedures';
import { addProcedureKind, listProcedureKinds, orderKinds, removeProcedureKind, retireKind, updateProcedureKindOf } from './procedure-kinds';
import { monthEndDate } from '../../shared/domain';
import { addBankLoan, addFund, addLand, listBankLoans, listLand, removeBankLoan, removeFund, removeLand, setBank, supportSummary } from './support';
import { commitSupportFile, previewSupportFile } from './support-sheets';
import { exportSupport } from './export/support';
import { fundsOfYears } from '../db/support';
import { commitProcedureFile, exportProcedures, previewProcedureFile } from './procedure-import';
import { addProject, copyToNextYear, getProject, listProjects, pasteCells, removeProjects, updateProject } from './projects';

type Handlers = { [M in Method]: (ctx: ServiceContext, args: ParsedArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> };

async function withDialog(ctx: ServiceContext, kind: 'open' | 'create') {
  if (!ctx.dialogs) throw new AppError('UNSUPPORTED', '浏览器模式没有文件对话框，请在下方输入项目库文件的路径。');
  const file = kind === 'open' ? await ctx.dialogs.chooseLibraryToOpen() : await ctx.dialogs.chooseLibraryToCreate();
  if (!file) throw new AppError('CANCELLED', '已取消');
  return kind === 'open' ? openLibrary(ctx, file) : createLibrary(ctx, file);
}

export const handlers = {
  'app.info': (ctx) => ({ version: ctx.version, shell: ctx.shell, nativeDialogs: ctx.dialogs !== null }),
  'library.current': (ctx) => libraryInfo(ctx),
  'library.recent': (ctx) => readRecent(ctx),
  'library.open': (ctx, { path }) => openLibrary(ctx, path),
  'library.create': (ctx, { path, demo }) => (demo ? createDemoLibrary(ctx, path) : createLibrary(ctx, path)),
  'library.openDemo': (ctx) => openDemoLibrary(ctx),
  'library.openWithDialog': (ctx) => withDialog(ctx, 'open'),
  'library.createWithDialog': (ctx) => withDialog(ctx, 'create'),
  'library.openLocalCopy': (ctx) => openLocalCopy(ctx),
  'lists.get': (ctx) => readLists(requireDb(ctx)),
  'lists.add': (ctx, args) => addListItem(ctx, args),
  'lists.rename': (ctx, args) => renameList(ctx, args),
  'lists.setLeadDepartment': (ctx, args) => setLeadDepartment(ctx, args),
  'lists.remove': (ctx, args) => removeListItem(ctx, args),
  'projects.list': (ctx, { year }) => listProjects(ctx, year),
  'projects.get': (ctx, { projectId, year }) => getProject(ctx, projectId, year),
  'projects.update': (ctx, args) => updateProject(ctx, args),
  'projects.add': (ctx, args) => addProject(ctx, args),
  'projects.remove': (ctx, args) => removeProjects(ctx, args),
  'projects.copyToNextYear': (ctx, args) => copyToNextYear(ctx, args),
  'projects.paste': (ctx, args) => pasteCells(ctx, args),
  'import.projects.preview': (ctx, args) => previewImport(ctx, args),
  'import.projects.commit': (ctx, args) => commitImport(ctx, args),
  'import.progress.preview': (ctx, args) => previewProgress(ctx, args),
  'import.progress.commit': (ctx, args) => commitProgress(ctx, args),
  'export.projects': (ctx, args) => exportProjects(ctx, args),
  'export.districtTemplate': (ctx, args) => exportDistrictTemplate(ctx, args),
  // A closed month's figures are read from its frozen copy (month-freeze.ts).
  'stats.get': (ctx, { year, month, filter }) => statistics(requireDb(monthContext(ctx, year, month)), year, month, filter ?? {}),
  'stats.ranking': (ctx, { year, month, filter }) => ranking(monthContext(ctx, year, month), year, month, filter ?? {}),
  'export.ranking': (ctx, args) => exportRanking(ctx, args),
  'stats.trend': (ctx, { year, month, filter }) => monthlyTrend(monthContext(ctx, year, month), year, month, filter ?? {}),
  'stats.projects': (ctx, args) => projectsBehind(monthContext(ctx, args.year, args.month), args),
  'settings.thresholds': (ctx) => warningThresholds(requireDb(ctx)),
  'settings.setThresholds': (ctx, args) => setThresholds(ctx, args),
  'settings.style': (ctx, { year, month }) => numberStyleOf(ctx, year, month),
  'settings.setStyle': (ctx, args) => setNumberStyle(ctx, args),
  'settings.chartNames': (ctx) => chartShortNames(requireDb(ctx)),
  'settings.setChartNames': (ctx, { names }) => setChartShortNames(ctx, names),
  'settings.planSplit': (ctx) => planSplitSetting(requireDb(ctx)),
  'settings.setPlanSplit': (ctx, args) => setPlanSplitSetting(ctx, args),
  'dispatch.list': (ctx, args) => dispatchRows(monthContext(ctx, args.year, args.month), args),
  'dispatch.update': (ctx, args) => updateDispatch(ctx, args),
  'dispatch.state': (ctx, args) => monthState(ctx, args),
  'dispatch.close': (ctx, args) => closeMonth(ctx, args),
  'dispatch.reopen': (ctx, args) => reopenMonth(ctx, args),
  'history.undo': (ctx) => undo(ctx),
  'history.redo': (ctx) => redo(ctx),
  'history.state': (ctx) => historyState(ctx),
  'problems.list': (ctx, args) => listProblems(ctx, args),
  'problems.summary': (ctx, args) => problemSummary(ctx, args),
  'problems.atMonthEnd': (ctx, { year, month }) => problemsAtMonthEnd(monthContext(ctx, year, month), year, month),
  'problems.add': (ctx, args) => addProblem(ctx, args),
  'problems.update': (ctx, args) => updateProblem(ctx, args),
  'problems.remove': (ctx, args) => removeProblem(ctx, args),
  'supervisions.list': (ctx, args) => listSupervisions(ctx, args),
  'supervisions.issue': (ctx, args) => issueSupervision(ctx, args),
  'supervisions.feedback': (ctx, args) => recordFeedback(ctx, args),
  'supervisions.review': (ctx, args) => reviewFeedback(ctx, args),
  'supervisions.close': (ctx, args) => closeSupervision(ctx, args),
  'supervisions.remove': (ctx, args) => removeSupervision(ctx, args),
  'ledgers.plans': (ctx) => plans(ctx),
  'ledgers.items': (ctx, args) => items(ctx, args),
  'ledgers.summaries': (ctx, args) => summaries(ctx, args),
  'ledgers.update': (ctx, args) => updateLedgerItem(ctx, args),
  'ledgers.import.preview': (ctx, args) => previewLedgerFile(ctx, args),
  'ledgers.import.commit': (ctx, args) => commitLedgerFile(ctx, args),
  'ledgers.export': (ctx, args) => exportLedgers(ctx, args),
  'library.backups': (_ctx, args) => backupsOf(args.path),
  'library.recover': (ctx, args) => recoverLibrary(ctx, args),
  'backups.list': (ctx) => listBackups(ctx),
  'backups.folder': (ctx) => backupsFolder(ctx),
  'backups.openFolder': (ctx) => openBackupsFolder(ctx),
  'backups.create': (ctx) => makeBackup(ctx, '手动', '手动备份'),
  'backups.saveAs': (ctx) => saveBackupAs(ctx),
  'backups.verify': (ctx, { name }) => verifyBackup(ctx, name),
  'backups.restore': (ctx, { name }) => restoreBackup(ctx, name),
  'drafts.build': (ctx, args) => buildDraft(ctx, args),
  'drafts.export': (ctx, args) => exportDraft(ctx, args),
  'drafts.templates': (ctx) => listTemplates(ctx),
  'drafts.setTemplate': (ctx, { key, text }) => setTemplate(ctx, key, text),
  'drafts.resetTemplates': (ctx, { key }) => resetTemplates(ctx, key),
  'drafts.fonts': (ctx) => draftFonts(requireDb(ctx)),
  'drafts.setFonts': (ctx, args) => setDraftFonts(ctx, args),
  'drafts.replyCategories': (ctx) => replyCategories(requireDb(ctx)),
  'drafts.setReplyCategories': (ctx, { categories }) => setReplyCategories(ctx, categories),
  'lifecycle.stages': (ctx, { year, month, filter }) => stageStatistics(requireDb(monthContext(ctx, year, month)), year, month, filter ?? {}),
  'procedures.kinds': (ctx) => listProcedureKinds(ctx),
  'procedures.addKind': (ctx, args) => addProcedureKind(ctx, args),
  'procedures.updateKind': (ctx, args) => updateProcedureKindOf(ctx, args),
  'procedures.removeKind': (ctx, args) => removeProcedureKind(ctx, args),
  'procedures.orderKinds': (ctx, args) => orderKinds(ctx, args),
  'procedures.retireKind': (ctx, args) => retireKind(ctx, args),
  'procedures.list': (ctx, args) => listProcedures(ctx, args),
  'procedures.update': (ctx, args) => updateProcedure(ctx, args),
  'procedures.counts': (ctx, { year, month, filter }) => procedureCountsOf(requireDb(monthContext(ctx, year, month)), year, month, filter ?? {}),
  'procedures.overdue': (ctx, { year, month, filter }) => overdueOf(requireDb(monthContext(ctx, year, month)), year, monthEndDate(year, month), filter ?? {}),
  'import.procedures.preview': (ctx, args) => previewProcedureFile(ctx, args),
  'import.procedures.commit': (ctx, args) => commitProcedureFile(ctx, args),
  'export.procedures': (ctx, args) => exportProcedures(ctx, args),
  'support.summary': (ctx, { year }) => supportSummary(requireDb(ctx), year),
  'support.funds': (ctx, { year }) => fundsOfYears(requireDb(ctx), [year]),
  'support.addFund': (ctx, args) => addFund(ctx, args),
  'support.removeFund': (ctx, args) => removeFund(ctx, args),
  'support.setBank': (ctx, args) => setBank(ctx, args),
  'support.addLand': (ctx, args) => addLand(ctx, args),
  'support.removeLand': (ctx, args) => removeLand(ctx, args),
  'support.bankLoans': (ctx, args) => listBankLoans(ctx, args),
  'support.addBankLoan': (ctx, args) => addBankLoan(ctx, args),
  'support.removeBankLoan': (ctx, args) => removeBankLoan(ctx, args),
  'support.land': (ctx, args) => listLand(ctx, args),
  'import.funds.preview': (ctx, args) => previewSupportFile(ctx, 'funds', args),
  'import.funds.commit': (ctx, args) => commitSupportFile(ctx, 'funds', args),
  'import.bank.preview': (ctx, args) => previewSupportFile(ctx, 'bank', args),
  'import.bank.commit': (ctx, args) => commitSupportFile(ctx, 'bank', args),
  'import.land.preview': (ctx, args) => previewSupportFile(ctx, 'land', args),
  'import.land.commit': (ctx, args) => commitSupportFile(ctx, 'land', args),
  'export.support': (ctx, args) => exportSupport(ctx, args),
} satisfies Handlers;

import { toApiError } from './api-error';

export { toApiError };

/**
 * Run one call of the contract. Never throws: a bad method, a bad argument or a failure inside a
 * service all come back as `{ ok: false, error }`. Unexpected errors are logged with `log`.
 */
export async function dispatch(
  ctx: ServiceContext,
  method: unknown,
  rawArgs: unknown,
  log: (err: unknown) => void = (err) => console.error(err),
): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `未知的调用“${String(method).slice(0, 64)}”` } };
  const parsed = api[method].args.safeParse(rawArgs ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: describeSchemaError(parsed.error) } };
  try {
    const handler = handlers[method] as (ctx: ServiceContext, args: unknown) => unknown;
    return { ok: true, value: await handler(ctx, parsed.data) };
  } catch (err) {
    const error = toApiError(err);
    if (error.code === 'INTERNAL') log(err);
    return { ok: false, error };
  }
}
