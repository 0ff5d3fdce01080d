/**
 * The year's 要素保障 ledger as .xlsx: 争取资金, 银行支持 (the year's totals as 全市合计, then each
 * project's loans) and 用地保障, each sheet in the layout its import reads (support-sheets.ts), so
 * the file imports back the same.
 */
import { loadExcelJS } from './exceljs';
import { neutraliseFormula } from '../../../shared/formula-guard';
import { moneyInUnit, type Money } from '../../../shared/money';
import { FUND_SOURCES } from '../../../shared/support';
import { bankLoansOfYear, fundsOfYears, landOfYear, readBank } from '../../db/support';
import type { ServiceContext } from '../context';
import { requireDb } from '../library';
import { deliverFile } from './deliver';
import { safeFileName, writeFileAtomically } from './safe-file';

const wan = (m: Money | null) => (m === null ? null : moneyInUnit(m, '万元'));
const text = (s: string | null) => neutraliseFormula(s ?? '');

export function exportSupport(ctx: ServiceContext, args: { year: number }) {
  const db = requireDb(ctx);
  return deliverFile(ctx, safeFileName(`${args.year}年要素保障台账.xlsx`), async (target) => {
    const wb = new (await loadExcelJS()).Workbook();
    wb.creator = '重点项目工作台';
    const sheet = (name: string, unitLine: string | null, header: string[]) => {
      const ws = wb.addWorksheet(name);
      if (unitLine) ws.addRow([unitLine]);
      ws.addRow(header).font = { bold: true };
      ws.getColumn(header.indexOf('项目名称') + 1).width = 36;
      return ws;
    };
    const funds = sheet('争取资金', '单位：万元', ['年度', '资金来源', '金额', '项目名称', '备注']);
    const entries = fundsOfYears(db, [args.year]);
    for (const f of entries) funds.addRow([f.year, FUND_SOURCES[f.source], wan(f.amount), text(f.projectName), text(f.note)]);

    const bank = sheet('银行支持', '单位：万元', ['年度', '项目名称', '贷款银行', '支持项目（个）', '授信额度', '累计发放贷款', '贷款余额', '备注']);
    const totals = readBank(db, args.year);
    if (totals) bank.addRow([totals.year, '全市合计', '', totals.projects, wan(totals.credit), wan(totals.loans), wan(totals.balance), '']);
    const loans = bankLoansOfYear(db, args.year);
    for (const l of loans) bank.addRow([l.year, text(l.projectName), text(l.bank), null, wan(l.credit), wan(l.loans), wan(l.balance), text(l.note)]);

    const land = sheet('用地保障', null, ['年度', '项目名称', '解决用地（亩）', '备注']);
    const lands = landOfYear(db, args.year);
    for (const l of lands) land.addRow([l.year, text(l.projectName), l.areaCentimu / 100, text(l.note)]);
    await writeFileAtomically(target, async (temp) => {
      await wb.xlsx.writeFile(temp);
    });
    return { entries: entries.length + loans.length + (totals ? 1 : 0) + lands.length };
  });
}
