/**
 * kpw import procedures / funds / bank / land: a 前期手续 sheet or a sheet of the 要素保障 ledger, previewed and
 * committed through the contract as the app does (a backup first; errors on stderr, nothing written);
 * and what `kpw stats --json` adds of the life cycle (stages, procedures, funds).
 */
import { formatMoneyText } from '../../../shared/format';
import { moneyInUnit } from '../../../shared/money';
import { areaText } from '../../../shared/phrases';
import { SUPPORT_SHEET_LABELS, type SupportSheetKind } from '../../../shared/support';
import type { Call } from '../client';
import { parseWithFiles, readInput, requireOption, requireYear } from '../args';
import { withLibrary } from '../client';
import { reportIssues, summary } from './report';

export async function importProcedures(argv: string[]): Promise<void> {
  const { values, positionals } = parseWithFiles(argv, { db: { type: 'string' }, year: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'valid-only': { type: 'boolean' } });
  const year = requireYear(values);
  await withLibrary(requireOption(values, 'db'), async (call) => {
    const source = readInput(positionals[0]!);
    const preview = await call('import.procedures.preview', { source, year });
    const validOnly = Boolean(values['valid-only']);
    reportIssues(preview, source.fileName, validOnly);
    const c = preview.counts;
    if (values['dry-run']) {
      process.stdout.write(`检查完成（未写入）：${preview.sheet}，更新${c.update}个项目的${c.procedures}项手续，无变化${c.unchanged}个${c.error ? `，有错误${c.error}行` : ''}\n`);
      return;
    }
    const result = await call('import.procedures.commit', { token: preview.token, year, validOnly });
    process.stdout.write(`已导入${year}年前期手续：${summary(result)}（${c.procedures}项手续）\n`);
  });
}

/** What a year of a 要素保障 sheet amounts to: funds and loans as money, land in 亩. */
function yearAmount(kind: SupportSheetKind, amount: number): string {
  return kind === 'land' ? areaText(amount) : `${kind === 'bank' ? '贷款' : ''}${formatMoneyText(amount)}`;
}

/** kpw import funds|bank|land: one sheet of the 要素保障 ledger; its years replace the library's. */
export function importSupport(kind: SupportSheetKind) {
  return async (argv: string[]): Promise<void> => {
    const { values, positionals } = parseWithFiles(argv, { db: { type: 'string' }, year: { type: 'string' }, 'dry-run': { type: 'boolean' } });
    const year = requireYear(values);
    await withLibrary(requireOption(values, 'db'), async (call) => {
      const source = readInput(positionals[0]!);
      const preview = await call(`import.${kind}.preview`, { source, year });
      reportIssues(preview, source.fileName);
      const years = preview.years.map((y) => `${y.year}年${y.entries}笔${yearAmount(kind, y.amount)}${y.replaces ? `（替换原有${y.replaces}笔）` : ''}`).join('，');
      if (values['dry-run']) {
        process.stdout.write(`检查完成（未写入）：${preview.sheet}，${years}\n`);
        return;
      }
      const result = await call(`import.${kind}.commit`, { token: preview.token, year });
      process.stdout.write(`已导入${SUPPORT_SHEET_LABELS[kind]}：${years}；共${result.imported}笔\n`);
    });
  };
}

const wan = (amount: number | null) => (amount === null ? null : moneyInUnit(amount, '万元'));

/** The life cycle's part of `kpw stats --json`, amounts in 万元 like the rest. */
export async function lifecycleJson(call: Call, year: number, month: number): Promise<Record<string, unknown>> {
  const stages = await call('lifecycle.stages', { year, month });
  const procedures = await call('procedures.counts', { year, month });
  const funds = await call('support.summary', { year });
  const stageCounts = <T extends { preparationToStartCompleted: number }>(s: T) => ({ ...s, preparationToStartCompleted: wan(s.preparationToStartCompleted) });
  const source = <T extends { amount: number; previous: number }>(s: T) => ({ ...s, amount: wan(s.amount), previous: wan(s.previous) });
  return {
    stages: {
      asOf: stages.asOf,
      overall: stageCounts(stages.overall),
      byLevel: stages.byLevel.map(stageCounts),
      byCategory: stages.byCategory.map(stageCounts),
      byDistrict: stages.byDistrict.map(stageCounts),
      byLeadDepartment: stages.byLeadDepartment.map(stageCounts),
      byContactLeader: stages.byContactLeader.map(stageCounts),
      byTag: stages.byTag.map(stageCounts),
    },
    procedures: { ...procedures, earlyStartCompleted: wan(procedures.earlyStartCompleted) },
    funds: {
      bySource: funds.bySource.map(source),
      total: source(funds.total),
      bank: funds.bank && { ...funds.bank, credit: wan(funds.bank.credit), loans: wan(funds.bank.loans), balance: wan(funds.bank.balance) },
      land: { mu: funds.land.areaCentimu / 100, projects: funds.land.projects },
    },
  };
}
