/**
 * The contract's methods of a project's life cycle (issue 19): stages and conversions, 前期手续
 * (kinds, each project's procedures, their import and export, counts as of a month end, overdue
 * warnings) and the 要素保障 ledger. Spread into `api` (shared/api.ts); the same rules hold: every
 * argument has a schema, every result is plain data.
 */
import * as z from 'zod';
import { id, method, month, moneyUnit, none, pickedFile, statsFilter, token, year, type SavedFile } from './api-schemas';
import type { ImportResult } from './import';
import type { ProcedureImportPreview } from './lifecycle-import';
import { FUND_SOURCE_KEYS, type BankLoan, type BankSupport, type FundEntry, type FundSource, type LandEntry, type SupportImportPreview, type SupportSummary } from './support';
import type { OverdueProcedure, ProcedureCounts, ProcedureKind, ProcedureRow, StageStatistics } from './lifecycle';

const role = z.enum(['approval', 'constructionPermit']).nullable().optional();
const kindName = z.string().max(50, '手续名称过长，最多50字');
const amountText = z.string().max(40);
const optionalText = z.string().max(500).nullable().optional();
const asOfArgs = z.object({ year, month, filter: statsFilter.optional() }).strict();
const supportPreviewArgs = z.object({ source: z.union([pickedFile, z.object({ token }).strict()]), year }).strict();
const supportCommitArgs = z.object({ token, year }).strict();
type SupportImportResult = { imported: number; replaced: number };

export const lifecycleApi = {
  /** Stage counts (as of the end of month M) and conversions 储备→前期→开工 of year Y's list, overall and by every breakdown. */
  'lifecycle.stages': method(asOfArgs).returns<StageStatistics>(),

  /** Every procedure kind (立项/备案, 用地预审, …) in order, with what each counts as and whether it is retired. */
  'procedures.kinds': method(none).returns<ProcedureKind[]>(),
  /** Add a procedure kind; role says whether it counts as 立项、备案 or 施工许可证. */
  'procedures.addKind': method(z.object({ name: kindName, role }).strict()).returns<ProcedureKind[]>(),
  /** Rename a kind or change its role. */
  'procedures.updateKind': method(z.object({ id, name: kindName, role }).strict()).returns<ProcedureKind[]>(),
  /** Remove a kind no project has recorded; refused (CONFLICT, with the reason: retire it instead) while any has. */
  'procedures.removeKind': method(z.object({ id }).strict()).returns<ProcedureKind[]>(),
  /** Put the kinds in this order: every kind's id once, retired ones included. */
  'procedures.orderKinds': method(z.object({ ids: z.array(id).min(1).max(100) }).strict()).returns<ProcedureKind[]>(),
  /** Retire a kind (hidden from the grid, the wall chart, the counts and the warnings; its records kept) or bring it back. */
  'procedures.retireKind': method(z.object({ id, retired: z.boolean() }).strict()).returns<ProcedureKind[]>(),
  /** Year Y's projects with their procedures, each with its status as of the end of month M (today without month). */
  'procedures.list': method(z.object({ year, month: month.optional(), filter: statsFilter.optional() }).strict()).returns<{
    kinds: ProcedureKind[];
    rows: ProcedureRow[];
    asOf: string;
  }>(),
  /** Change one field of a project's procedure: 计划办结日期, 实际取得日期, 已办/未办, 批复文号 (undoable); returns the project's row. */
  'procedures.update': method(
    z
      .object({ year, projectId: id, kindId: id, field: z.enum(['plannedDate', 'obtainedDate', 'obtained', 'documentNumber']), value: z.string().max(200).nullable() })
      .strict(),
  ).returns<ProcedureRow>(),
  /** "取得手续N个，其中立项、备案N个，施工许可证N个", overdue and 提前开工, as of the end of month M. */
  'procedures.counts': method(asOfArgs).returns<ProcedureCounts>(),
  /** Overdue procedures (planned date passed, not obtained) as of the end of month M, most overdue first, each a warning. */
  'procedures.overdue': method(asOfArgs).returns<OverdueProcedure[]>(),
  /**
   * Read a 前期手续 sheet (project code or name, one column per procedure: dates, 已办/未办, 计划…;
   * or a band per procedure over 计划时间/办结时间/批复文号) for year Y's projects, or again by token.
   * Nothing is written: what each row would change and every problem with its cell.
   */
  'import.procedures.preview': method(z.object({ source: z.union([pickedFile, z.object({ token }).strict()]), year }).strict()).returns<ProcedureImportPreview>(),
  /** Write a previewed sheet in one transaction (one undoable step); refused with every problem while it has errors, unless validOnly. */
  'import.procedures.commit': method(z.object({ token, year, validOnly: z.boolean() }).strict()).returns<ImportResult>(),
  /** Year Y's procedures as .xlsx (status as of the end of month M, today without): the save dialog in Electron, bytes in the browser. */
  'export.procedures': method(z.object({ year, month: month.optional(), filter: statsFilter.optional() }).strict()).returns<SavedFile & { rows: number }>(),

  /** 要素保障 of year Y: funds by source with 同比 against Y−1, bank support, land solved. */
  'support.summary': method(z.object({ year }).strict()).returns<SupportSummary>(),
  /** Year Y's fund entries. */
  'support.funds': method(z.object({ year }).strict()).returns<FundEntry[]>(),
  /** Record funds obtained (amount typed in unit; the project linked by name when on a list); returns the year's entries. */
  'support.addFund': method(
    z.object({ year, source: z.enum(FUND_SOURCE_KEYS as [FundSource, ...FundSource[]]), amount: amountText, unit: moneyUnit, projectName: optionalText, note: optionalText }).strict(),
  ).returns<FundEntry[]>(),
  'support.removeFund': method(z.object({ id }).strict()).returns<{ removed: number }>(),
  /** Set year Y's bank support: projects supported, credit granted, loans issued, balance (typed in unit; null: unknown). */
  'support.setBank': method(
    z.object({ year, projects: z.number().int().min(0).nullable(), credit: amountText.nullable(), loans: amountText.nullable(), balance: amountText.nullable(), unit: moneyUnit }).strict(),
  ).returns<BankSupport>(),
  /** Record land solved (亩); returns the year's land entries. */
  'support.addLand': method(z.object({ year, area: z.string().max(20), projectName: optionalText, note: optionalText }).strict()).returns<LandEntry[]>(),
  'support.removeLand': method(z.object({ id }).strict()).returns<{ removed: number }>(),
  /** Year Y's bank support by project (loans, credit, balance, the bank). */
  'support.bankLoans': method(z.object({ year }).strict()).returns<BankLoan[]>(),
  /** Record one project's bank support (typed in unit; the project linked by name when on a list); returns the year's loans. */
  'support.addBankLoan': method(
    z
      .object({ year, projectName: z.string().max(200), bank: optionalText, credit: amountText.nullable(), loans: amountText.nullable(), balance: amountText.nullable(), unit: moneyUnit, note: optionalText })
      .strict(),
  ).returns<BankLoan[]>(),
  'support.removeBankLoan': method(z.object({ id }).strict()).returns<{ removed: number }>(),
  /** Year Y's land entries (亩 × 100, linked projects). */
  'support.land': method(z.object({ year }).strict()).returns<LandEntry[]>(),
  /** Read a funds sheet (年度, 资金来源, 金额, 项目名称, 备注); the years it holds replace the library's on commit. Nothing written. */
  'import.funds.preview': method(supportPreviewArgs).returns<SupportImportPreview>(),
  /** Write a previewed funds sheet (refused with every problem while it has errors); a backup first. */
  'import.funds.commit': method(supportCommitArgs).returns<SupportImportResult>(),
  /** Read a bank support sheet (年度, 项目名称, 贷款银行, 支持项目, 授信额度, 累计发放贷款, 贷款余额; a row without a project: the year's totals). Nothing written. */
  'import.bank.preview': method(supportPreviewArgs).returns<SupportImportPreview>(),
  /** Write a previewed bank sheet: its years replace the library's totals and loans; a backup first. */
  'import.bank.commit': method(supportCommitArgs).returns<SupportImportResult>(),
  /** Read a land sheet (年度, 项目名称, 解决用地（亩）, 备注). Nothing written. */
  'import.land.preview': method(supportPreviewArgs).returns<SupportImportPreview>(),
  /** Write a previewed land sheet: its years replace the library's; a backup first. */
  'import.land.commit': method(supportCommitArgs).returns<SupportImportResult>(),
  /** Year Y's 要素保障 ledger as .xlsx (the funds sheet imports back). */
  'export.support': method(z.object({ year }).strict()).returns<SavedFile & { entries: number }>(),
} as const;

