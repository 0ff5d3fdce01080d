/**
 * The names the preload needs from shared/api.ts, without its runtime. shared/api.ts builds zod
 * schemas at load time, and bundling it would put ~750 kB of zod into a preload that only needs
 * a few strings. The type annotations below tie every name to the contract: adding, renaming or
 * removing a method, command or channel there fails the type-check here until this file follows
 * (and tests/unit/electron-shell.test.ts compares the lists at run time too).
 */
import type { Command, IPC_COMMAND as SharedIpcCommand, IPC_INVOKE as SharedIpcInvoke, Method } from '../../shared/api';

export const IPC_INVOKE: typeof SharedIpcInvoke = 'kpw:invoke';
export const IPC_COMMAND: typeof SharedIpcCommand = 'kpw:command';

/** Record<Method, true>: the compiler demands every method, and the literal allows no extra one. */
const METHOD_NAMES: Record<Method, true> = {
  'app.info': true,
  'library.current': true,
  'library.recent': true,
  'library.open': true,
  'library.create': true,
  'library.openDemo': true,
  'library.openWithDialog': true,
  'library.createWithDialog': true,
  'library.openLocalCopy': true,
  'lists.get': true,
  'lists.add': true,
  'lists.rename': true,
  'lists.setLeadDepartment': true,
  'lists.remove': true,
  'projects.list': true,
  'projects.get': true,
  'projects.update': true,
  'projects.add': true,
  'projects.remove': true,
  'projects.copyToNextYear': true,
  'projects.paste': true,
  'import.projects.preview': true,
  'import.projects.commit': true,
  'import.progress.preview': true,
  'import.progress.commit': true,
  'export.projects': true,
  'export.districtTemplate': true,
  'stats.get': true,
  'stats.ranking': true,
  'export.ranking': true,
  'stats.trend': true,
  'stats.projects': true,
  'settings.thresholds': true,
  'settings.setThresholds': true,
  'settings.style': true,
  'settings.setStyle': true,
  'settings.planSplit': true,
  'settings.setPlanSplit': true,
  'dispatch.list': true,
  'dispatch.update': true,
  'dispatch.state': true,
  'dispatch.close': true,
  'dispatch.reopen': true,
  'history.undo': true,
  'history.redo': true,
  'history.state': true,
  'problems.list': true,
  'problems.summary': true,
  'problems.atMonthEnd': true,
  'problems.add': true,
  'problems.update': true,
  'problems.remove': true,
  'supervisions.list': true,
  'supervisions.issue': true,
  'supervisions.feedback': true,
  'supervisions.review': true,
  'supervisions.close': true,
  'supervisions.remove': true,
  'ledgers.plans': true,
  'ledgers.items': true,
  'ledgers.summaries': true,
  'ledgers.update': true,
  'ledgers.import.preview': true,
  'ledgers.import.commit': true,
  'ledgers.export': true,
  'library.backups': true,
  'library.recover': true,
  'backups.list': true,
  'backups.create': true,
  'backups.saveAs': true,
  'backups.verify': true,
  'backups.restore': true,
  'drafts.build': true,
  'drafts.export': true,
  'drafts.templates': true,
  'drafts.setTemplate': true,
  'drafts.resetTemplates': true,
  'drafts.fonts': true,
  'drafts.setFonts': true,
  'lifecycle.stages': true,
  'procedures.kinds': true,
  'procedures.addKind': true,
  'procedures.updateKind': true,
  'procedures.removeKind': true,
  'procedures.orderKinds': true,
  'procedures.retireKind': true,
  'procedures.list': true,
  'procedures.update': true,
  'procedures.counts': true,
  'procedures.overdue': true,
  'import.procedures.preview': true,
  'import.procedures.commit': true,
  'export.procedures': true,
  'support.summary': true,
  'support.funds': true,
  'support.addFund': true,
  'support.removeFund': true,
  'support.setBank': true,
  'support.addLand': true,
  'support.removeLand': true,
  'import.funds.preview': true,
  'import.funds.commit': true,
  'support.bankLoans': true,
  'support.addBankLoan': true,
  'support.removeBankLoan': true,
  'support.land': true,
  'import.bank.preview': true,
  'import.bank.commit': true,
  'import.land.preview': true,
  'import.land.commit': true,
  'export.support': true,
};

const COMMAND_NAMES: Record<Command, true> = {
  'library.changed': true,
  'history.undo': true,
  'history.redo': true,
  'import.projects': true,
  'import.progress': true,
  'export.projects': true,
};

export const PRELOAD_METHODS = Object.keys(METHOD_NAMES) as Method[];
export const PRELOAD_COMMANDS = Object.keys(COMMAND_NAMES) as Command[];

export function isMethodName(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHOD_NAMES, name);
}

export function isCommandName(name: unknown): name is Command {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(COMMAND_NAMES, name);
}
