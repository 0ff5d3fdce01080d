/**
 * 要素保障 ledger: funds obtained from above by source and year with 同比, bank support, land
 * solved, each linked to a project where known. Funds come from a sheet (年度, 资金来源, 金额 in the
 * column's or the sheet's unit, 项目名称, 备注) read through the import pipeline; the sheet is the
 * ledger of the years it holds, so importing it again replaces those years rather than adding twice.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cleanText } from '../../shared/fields';
import { neutraliseFormula } from '../../shared/formula-guard';
import { describeIssue, type ImportIssue } from '../../shared/import';
import { moneyFromSpreadsheetNumber, moneyInUnit, parseMoney, sumMoney, type MoneyUnit } from '../../shared/money';
import { AppError } from '../../shared/result';
import { FUND_SOURCE_KEYS, FUND_SOURCES, growthOf, parseFundSource, type BankSupport, type FundSource, type SourceFigures, type SupportSummary } from '../../shared/support';
import type { Db } from '../db/connection';
import { projectIdentities } from '../db/projects';
import { deleteFund, deleteFundsOfYear, deleteLand, fundsOfYears, insertFund, insertLand, landOfYear, readBank, writeBank } from '../db/support';
import { backupBeforeImport } from './backups';
import type { ServiceContext } from './context';
import { deliverFile } from './export/deliver';
import { safeFileName, writeFileAtomically } from './export/safe-file';
import { normaliseName } from './import/project-columns';
import { readWorkbookWith } from './import/project-list';
import { cellRef, cellText, findHeader, isPlaceholder, undecidedColumns } from './import/sheet-table';
import { requireDb } from './library';
import type { Workbook } from './spreadsheet/xlsx-reader';

/** Year Y's 要素保障 against Y−1: funds by source with 同比, bank support, land. */
export function supportSummary(db: Db, year: number): SupportSummary {
  const funds = fundsOfYears(db, [year - 1, year]);
  const figures = (source: FundSource | 'total'): SourceFigures => {
    const mine = funds.filter((f) => source === 'total' || f.source === source);
    const amount = sumMoney(mine.filter((f) => f.year === year).map((f) => f.amount));
    const previous = sumMoney(mine.filter((f) => f.year === year - 1).map((f) => f.amount));
    const projects = new Set(mine.filter((f) => f.year === year && f.projectId !== null).map((f) => f.projectId)).size;
    return { source, label: source === 'total' ? '合计' : FUND_SOURCES[source], amount, previous, yoy: growthOf(amount, previous), projects };
  };
  const land = landOfYear(db, year);
  return {
    year,
    bySource: FUND_SOURCE_KEYS.map(figures),
    total: figures('total'),
    bank: readBank(db, year),
    land: { areaCentimu: land.reduce((s, l) => s + l.areaCentimu, 0), projects: new Set(land.filter((l) => l.projectId !== null).map((l) => l.projectId)).size },
  };
}

function projectByName(db: Db): (name: string) => number | null {
  const byName = new Map(projectIdentities(db).map((p) => [normaliseName(p.name), p.id]));
  return (name) => byName.get(normaliseName(name)) ?? null;
}

export function addFund(ctx: ServiceContext, args: { year: number; source: FundSource; amount: string; unit: MoneyUnit; projectName?: string | null; note?: string | null }) {
  const db = requireDb(ctx, 'write');
  const m = parseMoney(args.amount, args.unit);
  if (!m.ok) throw new AppError('VALIDATION', `资金金额：${m.message}`);
  const name = cleanText(args.projectName ?? '') || null;
  db.transaction(() => insertFund(db, { year: args.year, source: args.source, amount: m.value, projectId: name ? projectByName(db)(name) : null, projectName: name, note: cleanText(args.note ?? '') || null })).immediate();
  return fundsOfYears(db, [args.year]);
}

export function removeFund(ctx: ServiceContext, args: { id: number }) {
  const db = requireDb(ctx, 'write');
  return { removed: db.transaction(() => deleteFund(db, args.id)).immediate() };
}

/** Set a year's bank support; amounts typed in `unit`, empty for unknown. */
export function setBank(ctx: ServiceContext, args: { year: number; projects: number | null; credit: string | null; loans: string | null; balance: string | null; unit: MoneyUnit }): BankSupport {
  const db = requireDb(ctx, 'write');
  const money = (text: string | null, label: string) => {
    if (text === null || cleanText(text) === '') return null;
    const m = parseMoney(text, args.unit);
    if (!m.ok) throw new AppError('VALIDATION', `${label}：${m.message}`);
    return m.value;
  };
  const bank: BankSupport = { year: args.year, projects: args.projects, credit: money(args.credit, '授信额度'), loans: money(args.loans, '累计发放贷款'), balance: money(args.balance, '贷款余额') };
  db.transaction(() => writeBank(db, bank)).immediate();
  return bank;
}

/** Record land solved (亩, to two decimals). */
export function addLand(ctx: ServiceContext, args: { year: number; area: string; projectName?: string | null; note?: string | null }) {
  const db = requireDb(ctx, 'write');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleanText(args.area).replace(/亩$/, ''));
  if (!m) throw new AppError('VALIDATION', `用地面积“${args.area}”无效，应为亩数，最多两位小数`);
  const areaCentimu = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  const name = cleanText(args.projectName ?? '') || null;
  db.transaction(() => insertLand(db, { year: args.year, areaCentimu, projectId: name ? projectByName(db)(name) : null, projectName: name, note: cleanText(args.note ?? '') || null })).immediate();
  return landOfYear(db, args.year);
}

export function removeLand(ctx: ServiceContext, args: { id: number }) {
  const db = requireDb(ctx, 'write');
  return { removed: db.transaction(() => deleteLand(db, args.id)).immediate() };
}

// ——— The funds sheet ———

type FundTarget = 'year' | 'source' | 'amount' | 'project' | 'note';
const FUND_COLUMNS: [FundTarget, RegExp][] = [
  ['year', /^(年度|年份|年)$/],
  ['source', /^(资金来源|资金类别|资金类型|资金渠道|来源|类别)$/],
  ['amount', /^(金额|争取资金|争取金额|资金|到位资金|下达资金|获批金额|资金额度)$/],
  ['project', /^(项目名称|支持项目|项目)$/],
  ['note', /^(备注|说明)$/],
];

interface FundRow {
  year: number;
  source: FundSource;
  amount: number;
  projectName: string | null;
  note: string | null;
}

function readFundSheet(workbook: Workbook, year: number, fileName: string): { sheet: string; rows: FundRow[]; issues: ImportIssue[] } {
  for (const sheet of workbook.sheets) {
    const header = findHeader(sheet, FUND_COLUMNS, 'amount');
    if (!header) continue;
    const col = (t: FundTarget) => header.columns.find((c) => c.target === t);
    // A column the rows leave undecided (header-columns.ts) is refused, never guessed.
    const undecided = undecidedColumns(sheet.name, header, () => false);
    const amount = col('amount');
    if (undecided.length > 0 || !amount) return { sheet: sheet.name, rows: [], issues: undecided };
    const unit: MoneyUnit = amount.unit ?? header.sheetUnit ?? '万元';
    const issues: ImportIssue[] = [];
    const rows: FundRow[] = [];
    for (const r of sheet.rows.filter((x) => x.row > header.row.row)) {
      const text = (t: FundTarget) => {
        const c = col(t);
        return c ? cellText(r.cells[c.index]) : '';
      };
      const sourceText = text('source');
      if ((['year', 'source', 'project'] as const).some((t) => /^(合计|总计|小计)/.test(text(t)))) continue;
      const cell = r.cells[amount.index];
      const amountText = cellText(cell);
      if (!amountText && !sourceText) continue;
      const fail = (index: number, message: string) => issues.push({ severity: 'error', sheet: sheet.name, cell: cellRef(index, r.row), message });
      const source = parseFundSource(sourceText);
      if (!source) fail(col('source')?.index ?? amount.index, `资金来源“${sourceText}”无法识别：应为中央预算内、超长期特别国债、专项债券或其他`);
      const money = cell?.t === 'n' ? moneyFromSpreadsheetNumber(cell.v, unit) : isPlaceholder(amountText) ? null : parseMoney(amountText, unit);
      if (money && !money.ok) fail(amount.index, `金额：${money.message}`);
      const y = text('year') ? Number(/(\d{4})/.exec(text('year'))?.[1]) : year;
      if (!Number.isInteger(y) || y < 1949 || y > 2100) fail(col('year')!.index, `年度“${text('year')}”无效`);
      if (source && money?.ok && Number.isInteger(y)) rows.push({ year: y, source, amount: money.value, projectName: text('project') || null, note: text('note') || null });
    }
    return { sheet: sheet.name, rows, issues };
  }
  throw new AppError('VALIDATION', `“${fileName}”中没有找到资金表：需要“资金来源”和“金额”列`);
}

export interface FundImportPreview {
  token: string;
  fileName: string;
  sheet: string;
  /** Per year of the sheet: its entries and amount, and the entries it replaces. */
  years: { year: number; entries: number; amount: number; replaces: number }[];
  linked: number;
  issues: ImportIssue[];
}

export async function previewFundFile(ctx: ServiceContext, args: { source: { fileName: string; data: string } | { token: string }; year: number }): Promise<FundImportPreview> {
  let token: string;
  let entry: { fileName: string; workbook: Workbook };
  if ('token' in args.source) {
    token = args.source.token;
    const found = ctx.pendingImports.get(token)?.[0];
    if (!found) throw new AppError('NOT_FOUND', '导入的文件已失效，请重新选择文件');
    entry = found;
  } else {
    const fileName = path.basename(args.source.fileName);
    entry = { fileName, workbook: await readWorkbookWith(ctx, Buffer.from(args.source.data, 'base64'), fileName) };
    token = randomUUID();
    ctx.pendingImports.set(token, [entry]);
    while (ctx.pendingImports.size > 3) ctx.pendingImports.delete(ctx.pendingImports.keys().next().value!);
  }
  const db = requireDb(ctx);
  const read = readFundSheet(entry.workbook, args.year, entry.fileName);
  const link = projectByName(db);
  const years = [...new Set(read.rows.map((r) => r.year))].sort();
  const existing = fundsOfYears(db, years);
  return {
    token,
    fileName: entry.fileName,
    sheet: read.sheet,
    years: years.map((y) => ({ year: y, entries: read.rows.filter((r) => r.year === y).length, amount: read.rows.filter((r) => r.year === y).reduce((s, r) => s + r.amount, 0), replaces: existing.filter((f) => f.year === y).length })),
    linked: read.rows.filter((r) => r.projectName && link(r.projectName) !== null).length,
    issues: read.issues,
  };
}

export async function commitFundFile(ctx: ServiceContext, args: { token: string; year: number }): Promise<{ imported: number; replaced: number }> {
  const entry = ctx.pendingImports.get(args.token)?.[0];
  if (!entry) throw new AppError('NOT_FOUND', '导入的文件已失效，请重新选择文件');
  const read = readFundSheet(entry.workbook, args.year, entry.fileName);
  if (read.issues.length) throw new AppError('VALIDATION', `“${entry.fileName}”有${read.issues.length}处错误，未导入任何内容：\n${read.issues.slice(0, 20).map(describeIssue).join('\n')}`);
  await backupBeforeImport(ctx, [entry.fileName]);
  const db = requireDb(ctx, 'write');
  const link = projectByName(db);
  const years = [...new Set(read.rows.map((r) => r.year))];
  let replaced = 0;
  db.transaction(() => {
    for (const y of years) replaced += deleteFundsOfYear(db, y);
    for (const r of read.rows) insertFund(db, { ...r, projectId: r.projectName ? link(r.projectName) : null });
  }).immediate();
  ctx.pendingImports.delete(args.token);
  return { imported: read.rows.length, replaced };
}

/** The year's ledger as .xlsx: funds (imports back), bank support, land. */
export function exportSupport(ctx: ServiceContext, args: { year: number }) {
  const db = requireDb(ctx);
  return deliverFile(ctx, safeFileName(`${args.year}年要素保障台账.xlsx`), async (target) => {
    const wb = new ExcelJS.Workbook();
    wb.creator = '重点项目工作台';
    const funds = wb.addWorksheet('争取资金');
    funds.addRow(['单位：万元']);
    funds.addRow(['年度', '资金来源', '金额', '项目名称', '备注']).font = { bold: true };
    const entries = fundsOfYears(db, [args.year]);
    for (const f of entries) funds.addRow([f.year, FUND_SOURCES[f.source], moneyInUnit(f.amount, '万元'), neutraliseFormula(f.projectName ?? ''), neutraliseFormula(f.note ?? '')]);
    const bank = readBank(db, args.year);
    const bankSheet = wb.addWorksheet('银行支持');
    bankSheet.addRow(['年度', '支持项目（个）', '授信额度（万元）', '累计发放贷款（万元）', '贷款余额（万元）']).font = { bold: true };
    if (bank) bankSheet.addRow([bank.year, bank.projects, ...[bank.credit, bank.loans, bank.balance].map((m) => (m === null ? null : moneyInUnit(m, '万元')))]);
    const land = wb.addWorksheet('用地保障');
    land.addRow(['年度', '解决用地（亩）', '项目名称', '备注']).font = { bold: true };
    for (const l of landOfYear(db, args.year)) land.addRow([l.year, l.areaCentimu / 100, neutraliseFormula(l.projectName ?? ''), neutraliseFormula(l.note ?? '')]);
    await writeFileAtomically(target, async (temp) => {
      await wb.xlsx.writeFile(temp);
    });
    return { entries: entries.length };
  });
}
