/**
 * The 要素保障 ledger's sheets, read through the import pipeline (header finder, units per column
 * or per sheet, cells named as 工作表!单元格) and previewed before anything is written, like every
 * import (import/pending.ts):
 *   争取资金 — 年度, 资金来源, 金额, 项目名称, 备注;
 *   银行支持 — 年度, 项目名称, 贷款银行, 支持项目（个）, 授信额度, 累计发放贷款, 贷款余额, 备注: a row
 *              naming a project is that project's loans, a row without one (or 全市/合计) the year's totals;
 *   用地保障 — 年度, 项目名称, 解决用地（亩）, 备注.
 * A sheet is the ledger of the years it holds: importing it again replaces those years (never adds
 * twice). A backup is taken first; a sheet with an error writes nothing.
 */
import { cleanText } from '../../shared/fields';
import { describeIssue, type ImportIssue } from '../../shared/import';
import { moneyFromSpreadsheetNumber, parseMoney, type Money, type MoneyUnit } from '../../shared/money';
import { AppError } from '../../shared/result';
import { parseFundSource, SUPPORT_SHEET_LABELS, type BankSupport, type FundSource, type SupportImportPreview, type SupportSheetKind } from '../../shared/support';
import type { Db } from '../db/connection';
import { bankLoansOfYear, deleteBank, deleteBankLoansOfYear, deleteFundsOfYear, deleteLandOfYear, fundsOfYears, insertBankLoan, insertFund, insertLand, landOfYear, readBank, writeBank } from '../db/support';
import { backupBeforeImport } from './backups';
import type { ServiceContext } from './context';
import { commitPending, previewPending, type PendingFile, type PreviewSource } from './import/pending';
import { cellRef, cellText, findHeader, isPlaceholder, undecidedColumns } from './import/sheet-table';
import { requireDb } from './library';
import type { Cell, Workbook } from './spreadsheet/xlsx-reader';
import { parseArea, projectByName } from './support';

type Common = 'year' | 'project' | 'note';

/** One data row of a sheet, as a spec reads it: cells by target, and a way to name a bad one. */
interface RowReader<T extends string> {
  text(t: T | Common): string;
  cell(t: T | Common): Cell | undefined;
  /** An amount in the column's unit (or the sheet's, else 万元): null when empty, undefined when refused. */
  money(t: T): Money | null | undefined;
  fail(t: T | Common, message: string): void;
}

interface SheetSpec<T extends string, R> {
  columns: readonly (readonly [T | Common, RegExp])[];
  required: T;
  /** Why the workbook has no such sheet: the columns it needs. */
  needs: string;
  /** Rows whose project (or year, or first column) says 合计/小计 are the sheet's sums, skipped — unless the spec reads them. */
  readsTotals?: boolean;
  /** The row's record, or null for a row with nothing in it. */
  read(r: RowReader<T>): R | null;
}

interface Read<R> {
  sheet: string;
  rows: (R & { year: number; projectName: string | null })[];
  issues: ImportIssue[];
}

const COMMON: readonly (readonly [Common, RegExp])[] = [
  ['year', /^(年度|年份|年)$/],
  ['project', /^(项目名称|支持项目名称|项目)$/],
  ['note', /^(备注|说明)$/],
];
const TOTAL = /^(合计|总计|小计|全市合计|全市)$/;

function readSheet<T extends string, R>(workbook: Workbook, spec: SheetSpec<T, R>, year: number, fileName: string, what: string): Read<R> {
  const columns = [...spec.columns, ...COMMON];
  for (const sheet of workbook.sheets) {
    const header = findHeader(sheet, columns, spec.required);
    if (!header) continue;
    const col = (t: T | Common) => header.columns.find((c) => c.target === t);
    const out: Read<R> = { sheet: sheet.name, rows: [], issues: [] };
    // A column the rows leave undecided (header-columns.ts) is refused, never guessed.
    const undecided = undecidedColumns(sheet.name, header, () => false);
    if (undecided.length > 0) return { ...out, issues: undecided };
    for (const row of sheet.rows.filter((x) => x.row > header.row.row)) {
      let failed = false;
      const r: RowReader<T> = {
        cell: (t) => row.cells[col(t)?.index ?? -1],
        text: (t) => cellText(r.cell(t)),
        fail: (t, message) => {
          failed = true;
          out.issues.push({ severity: 'error', sheet: sheet.name, cell: cellRef(col(t)?.index ?? col(spec.required)!.index, row.row), message });
        },
        money: (t) => {
          const c = col(t);
          const cell = r.cell(t);
          const text = cellText(cell);
          if (!c || !text || isPlaceholder(text)) return null;
          const unit: MoneyUnit = c.unit ?? header.sheetUnit ?? '万元';
          const m = cell?.t === 'n' ? moneyFromSpreadsheetNumber(cell.v, unit) : parseMoney(text, unit);
          if (m.ok) return m.value;
          r.fail(t, `${c.name}：${m.message}`);
          return undefined;
        },
      };
      const first = cellText(row.cells.find((c) => cellText(c) !== ''));
      if (!spec.readsTotals && [r.text('year'), r.text('project'), first].some((x) => /^(合计|总计|小计)/.test(x))) continue;
      const record = spec.read(r);
      if (record === null) continue;
      const y = r.text('year') ? Number(/(\d{4})/.exec(r.text('year'))?.[1]) : year;
      if (!Number.isInteger(y) || y < 1949 || y > 2100) r.fail('year', `年度“${r.text('year')}”无效`);
      const projectName = cleanText(r.text('project'));
      if (!failed) out.rows.push({ ...record, year: y, projectName: projectName && !TOTAL.test(projectName) ? projectName : null });
    }
    return out;
  }
  throw new AppError('VALIDATION', `“${fileName}”中没有找到${what}表：${spec.needs}`);
}

type FundRow = { source: FundSource; amount: Money; note: string | null };
type LandRow = { areaCentimu: number; note: string | null };

const FUNDS: SheetSpec<'source' | 'amount', FundRow> = {
  columns: [
    ['source', /^(资金来源|资金类别|资金类型|资金渠道|来源|类别)$/],
    ['amount', /^(金额|争取资金|争取金额|资金|到位资金|下达资金|获批金额|资金额度)$/],
  ],
  required: 'amount',
  needs: '需要“资金来源”和“金额”列',
  read(r) {
    if (!r.text('amount') && !r.text('source')) return null;
    const source = parseFundSource(r.text('source'));
    if (!source) r.fail('source', `资金来源“${r.text('source')}”无法识别：应为中央预算内、超长期特别国债、专项债券或其他`);
    const amount = r.money('amount');
    if (amount === null) r.fail('amount', '金额：请填写金额');
    // A refused cell is named (fail): the row is left out, and the sheet is not imported.
    return source && amount ? { source, amount, note: r.text('note') || null } : null;
  },
};

type BankRow = { bank: string | null; projects: number | null; credit: Money | null; loans: Money | null; balance: Money | null; note: string | null };
const BANK: SheetSpec<'bank' | 'projects' | 'credit' | 'loans' | 'balance', BankRow> = {
  columns: [
    ['bank', /^(贷款银行|银行|金融机构|贷款机构)$/],
    ['projects', /^(支持(重点)?项目(数|个数)?)(\((个|项)\))?$/],
    ['credit', /^(授信额度|授信|授信金额)$/],
    ['loans', /^(累计发放贷款|发放贷款|已发放贷款|贷款发放|累计放款|放款金额)$/],
    ['balance', /^(贷款余额|余额)$/],
  ],
  required: 'credit',
  needs: '需要“授信额度”列（以及“累计发放贷款”“贷款余额”等）',
  readsTotals: true,
  read(r) {
    const row: BankRow = { bank: r.text('bank') || null, projects: null, credit: r.money('credit') ?? null, loans: r.money('loans') ?? null, balance: r.money('balance') ?? null, note: r.text('note') || null };
    const projects = r.text('projects');
    if (projects && !isPlaceholder(projects)) {
      const n = Number(projects.replace(/[个项]$/, ''));
      if (Number.isInteger(n) && n >= 0) row.projects = n;
      else r.fail('projects', `支持项目“${projects}”应为个数`);
    }
    return row.credit === null && row.loans === null && row.balance === null && row.projects === null && !r.text('project') ? null : row;
  },
};

const LAND: SheetSpec<'area', LandRow> = {
  columns: [['area', /^(解决用地|用地面积|解决用地面积|保障用地|供地面积|用地|面积)(\(亩\))?$/]],
  required: 'area',
  needs: '需要“解决用地（亩）”列',
  read(r) {
    const cell = r.cell('area');
    const text = r.text('area');
    if (!text || isPlaceholder(text)) return r.text('project') ? (r.fail('area', '请填写解决用地亩数'), null) : null;
    const area = cell?.t === 'n' ? (Number.isInteger(Math.round(cell.v * 100)) && Math.abs(cell.v * 100 - Math.round(cell.v * 100)) < 1e-6 && cell.v >= 0 ? Math.round(cell.v * 100) : null) : parseArea(text);
    if (area === null) return r.fail('area', `用地面积“${text}”无效，应为亩数，最多两位小数`), null;
    return { areaCentimu: area, note: r.text('note') || null };
  },
};

type Row<R> = R & { year: number; projectName: string | null };

/** Per kind: its spec, the entries a year of the library holds, what a row adds to the year's amount, how a year is dropped and a row written. */
interface KindOf<R> {
  spec: SheetSpec<string, R>;
  held(db: Db, year: number): number;
  amount(r: R): number;
  drop(db: Db, year: number): void;
  insert(db: Db, r: Row<R>, projectId: number | null): void;
}

const KINDS: { funds: KindOf<FundRow>; bank: KindOf<BankRow>; land: KindOf<LandRow> } = {
  funds: {
    spec: FUNDS,
    held: (db, y) => fundsOfYears(db, [y]).length,
    amount: (r) => r.amount,
    drop: (db, y) => deleteFundsOfYear(db, y),
    insert: (db, r, projectId) => insertFund(db, { ...r, projectId }),
  },
  bank: {
    spec: BANK,
    held: (db, y) => bankLoansOfYear(db, y).length + (readBank(db, y) ? 1 : 0),
    amount: (r) => r.loans ?? 0,
    drop: (db, y) => (deleteBank(db, y), deleteBankLoansOfYear(db, y)),
    // A row without a project is the year's totals (written by bankTotalsOf), not a loan.
    insert: (db, r, projectId) => void (r.projectName && insertBankLoan(db, { ...r, projectName: r.projectName, projectId })),
  },
  land: {
    spec: LAND,
    held: (db, y) => landOfYear(db, y).length,
    amount: (r) => r.areaCentimu,
    drop: (db, y) => deleteLandOfYear(db, y),
    insert: (db, r, projectId) => insertLand(db, { ...r, projectId }),
  },
};

/** A kind as its rows' type is not known here (the contract's call names the kind). */
const kindOf = (kind: SupportSheetKind) => KINDS[kind] as unknown as KindOf<Record<string, unknown>>;
const readKind = (kind: SupportSheetKind, file: PendingFile, year: number) => readSheet(file.workbook, kindOf(kind).spec, year, file.fileName, SUPPORT_SHEET_LABELS[kind]);

/** The bank sheet's totals rows (no project): one a year at most. */
function bankTotalsOf(rows: readonly Row<BankRow>[]): BankSupport[] {
  const out = new Map<number, BankSupport>();
  for (const t of rows.filter((r) => r.projectName === null)) {
    if (out.has(t.year)) throw new AppError('VALIDATION', `银行支持表中${t.year}年的全市合计（未填项目名称的行）不止一行，应只有一行`);
    out.set(t.year, { year: t.year, projects: t.projects, credit: t.credit, loans: t.loans, balance: t.balance });
  }
  return [...out.values()];
}

/** Read a 要素保障 sheet of `kind`; nothing is written. */
export function previewSupportFile(ctx: ServiceContext, kind: SupportSheetKind, args: { source: PreviewSource; year: number }): Promise<SupportImportPreview> {
  return previewPending(ctx, args.source, (file, token) => {
    const db = requireDb(ctx);
    const read = readKind(kind, file, args.year);
    const link = projectByName(db);
    const years = [...new Set(read.rows.map((r) => r.year))].sort();
    const k = kindOf(kind);
    return {
      kind,
      token,
      fileName: file.fileName,
      sheet: read.sheet,
      years: years.map((y) => {
        const mine = read.rows.filter((r) => r.year === y);
        return { year: y, entries: mine.length, amount: mine.reduce((s, r) => s + k.amount(r), 0), replaces: k.held(db, y) };
      }),
      linked: read.rows.filter((r) => r.projectName && link(r.projectName) !== null).length,
      issues: read.issues,
    };
  });
}

/** Write a previewed sheet: its years replace the library's; refused with every problem while it has one. */
export function commitSupportFile(ctx: ServiceContext, kind: SupportSheetKind, args: { token: string; year: number }): Promise<{ imported: number; replaced: number }> {
  return commitPending(ctx, args.token, async (file) => {
    const read = readKind(kind, file, args.year);
    if (read.issues.length) throw new AppError('VALIDATION', `“${file.fileName}”有${read.issues.length}处错误，未导入任何内容：\n${read.issues.slice(0, 20).map(describeIssue).join('\n')}`);
    const years = [...new Set(read.rows.map((r) => r.year))];
    const totals = kind === 'bank' ? bankTotalsOf(read.rows as unknown as Row<BankRow>[]) : [];
    await backupBeforeImport(ctx, [file.fileName]);
    const db = requireDb(ctx, 'write');
    const link = projectByName(db);
    const k = kindOf(kind);
    let replaced = 0;
    db.transaction(() => {
      for (const y of years) {
        replaced += k.held(db, y);
        k.drop(db, y);
      }
      for (const t of totals) writeBank(db, t);
      for (const r of read.rows) k.insert(db, r, r.projectName ? link(r.projectName) : null);
    }).immediate();
    return { imported: read.rows.length, replaced };
  });
}
