/**
 * 要素保障 through the contract: funds by source from a sheet with 同比 (seed 002's figures), a
 * second import of the same years replacing rather than adding, bank support and land, projects
 * linked by name, bad cells named, and the export importing back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatChange } from '../../shared/format';
import { commitProjectImport, readWorkbook } from '../../electron/services/import/project-list';
import { contractCaller } from '../helpers/contract';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

let lib: TempLibrary;
const { call, refused } = contractCaller(() => lib.ctx);
const sheet = async (rows: CellInput[][]) => ({ fileName: '争取资金.xlsx', data: (await buildWorkbook([{ name: '争取资金', rows }])).toString('base64') });
const 亿 = (n: number) => Math.round(n * 100_000_000);

beforeEach(async () => {
  lib = createTempLibrary({ now: () => new Date(2025, 9, 10, 10) });
  const book = await buildWorkbook([{ name: '清单', rows: [['项目名称', '总投资', '年度计划投资'], ['浑河堤防加固工程', 300_000, 50_000]] }]);
  commitProjectImport(lib.ctx, readWorkbook(book, '清单.xlsx'), '清单.xlsx', { year: 2025 });
});
afterEach(() => lib.close());

const FUNDS: CellInput[][] = [
  ['2024—2025年争取上级资金台账'],
  ['单位：亿元'],
  ['年度', '资金来源', '金额', '项目名称', '备注'],
  [2024, '中央预算内投资', 12.3, null, null],
  [2024, '地方政府专项债券', 137.4, null, null],
  [2024, '其他', 27.96, null, null],
  ['2025年', '中央预算内', 27, null, '老旧小区改造等58个民生项目'],
  [2025, '超长期特别国债', 32.6, null, null],
  [2025, '超长期特别国债', 12, '浑河 堤防加固工程', '专项支持'],
  [2025, '专项债券', 167, null, null],
  ['合计', null, 416.26, null, null],
];

describe('要素保障', () => {
  it('gives funds by source with 同比, as seed 002 writes them', async () => {
    const preview = await call('import.funds.preview', { source: await sheet(FUNDS), year: 2025 });
    expect(preview.issues).toEqual([]);
    expect(preview.years).toEqual([
      { year: 2024, entries: 3, amount: 亿(177.66), replaces: 0 },
      { year: 2025, entries: 4, amount: 亿(238.6), replaces: 0 },
    ]);
    expect(preview.linked).toBe(1);
    await call('import.funds.commit', { token: preview.token, year: 2025 });
    const s = await call('support.summary', { year: 2025 });
    const by = Object.fromEntries(s.bySource.map((x) => [x.source, x]));
    expect(by.central).toMatchObject({ amount: 亿(27), previous: 亿(12.3) });
    expect(formatChange(by.central!.amount, by.central!.previous)).toBe('增长119.5%');
    expect(formatChange(by.specialBond!.amount, by.specialBond!.previous)).toBe('增长21.5%');
    expect(by.ultraLongBond).toMatchObject({ amount: 亿(44.6), previous: 0, yoy: null, projects: 1 });
    expect(s.total).toMatchObject({ amount: 亿(238.6), previous: 亿(177.66) });
    expect(formatChange(s.total.amount, s.total.previous)).toBe('增长34.3%');

    // The same sheet again replaces its years.
    const again = await call('import.funds.preview', { source: await sheet(FUNDS), year: 2025 });
    expect(again.years.map((y) => y.replaces)).toEqual([3, 4]);
    expect(await call('import.funds.commit', { token: again.token, year: 2025 })).toEqual({ imported: 7, replaced: 7 });
    expect((await call('support.summary', { year: 2025 })).total.amount).toBe(亿(238.6));

    // Exported, it imports back to the same year.
    const out = await call('export.support', { year: 2025 });
    const back = await call('import.funds.preview', { source: { fileName: out.fileName, data: out.data! }, year: 2025 });
    expect(back.years).toEqual([{ year: 2025, entries: 4, amount: 亿(238.6), replaces: 4 }]);
  });

  it('keeps bank support and land, refuses a bad cell naming it', async () => {
    await call('support.setBank', { year: 2025, projects: 32, credit: '125.15', loans: '49.09', balance: '48.43', unit: '亿元' });
    await call('support.addLand', { year: 2025, area: '511.05', projectName: '浑河堤防加固工程' });
    await call('support.addLand', { year: 2025, area: '20亩' });
    const s = await call('support.summary', { year: 2025 });
    expect(s.bank).toEqual({ year: 2025, projects: 32, credit: 亿(125.15), loans: 亿(49.09), balance: 亿(48.43) });
    expect(s.land).toEqual({ areaCentimu: 53_105, projects: 1 });
    expect((await refused('support.addLand', { year: 2025, area: '五百亩' })).message).toBe('用地面积“五百亩”无效，应为亩数，最多两位小数');
    const bad = await call('import.funds.preview', { source: await sheet([['资金来源', '金额（万元）'], ['省级补助', 100], ['专项债券', '一百']]), year: 2025 });
    expect(bad.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message}`)).toEqual([
      '争取资金!A2: 资金来源“省级补助”无法识别：应为中央预算内、超长期特别国债、专项债券或其他',
      '争取资金!B3: 金额：“一百”不是有效的金额',
    ]);
    expect((await refused('import.funds.commit', { token: bad.token, year: 2025 })).message).toMatch(/有2处错误，未导入任何内容/);
  });
});

describe('银行支持 and 用地保障 sheets and forms', () => {
  const book = async (name: string, rows: CellInput[][]) => ({ fileName: `${name}.xlsx`, data: (await buildWorkbook([{ name, rows }])).toString('base64') });
  const BANK: CellInput[][] = [
    ['2025年银行业支持重点项目情况'],
    ['单位：亿元'],
    ['年度', '项目名称', '贷款银行', '支持项目（个）', '授信额度', '累计发放贷款', '贷款余额', '备注'],
    [2025, '全市合计', null, 32, 125.15, 49.09, 48.43, null],
    [2025, '浑河 堤防加固工程', '国家开发银行', null, 12, 3.5, 3.2, '政策性贷款'],
    [2025, '不在清单的项目', '建设银行', null, 2, null, null, null],
  ];

  it('imports bank support with a preview (the totals row the office’s, the others loans by project, linked), replaces its year, exports and imports back', async () => {
    const preview = await call('import.bank.preview', { source: await book('银行支持', BANK), year: 2025 });
    expect(preview).toMatchObject({ kind: 'bank', sheet: '银行支持', linked: 1, issues: [] });
    expect(preview.years).toEqual([{ year: 2025, entries: 3, amount: 亿(52.59), replaces: 0 }]);
    // Nothing is written by a preview.
    expect((await call('support.summary', { year: 2025 })).bank).toBeNull();
    expect(await call('import.bank.commit', { token: preview.token, year: 2025 })).toEqual({ imported: 3, replaced: 0 });
    const s = await call('support.summary', { year: 2025 });
    expect(s.bank).toEqual({ year: 2025, projects: 32, credit: 亿(125.15), loans: 亿(49.09), balance: 亿(48.43) });
    expect(s).toMatchObject({ bankLoans: 2, bankFromLoans: false });
    const loans = await call('support.bankLoans', { year: 2025 });
    expect(loans.map((l) => [l.projectName, l.projectId !== null, l.bank, l.credit, l.loans])).toEqual([
      ['浑河堤防加固工程', true, '国家开发银行', 亿(12), 亿(3.5)],
      ['不在清单的项目', false, '建设银行', 亿(2), null],
    ]);

    // Exported, the workbook's 银行支持 sheet imports back the same, replacing the year.
    const out = await call('export.support', { year: 2025 });
    const back = await call('import.bank.preview', { source: { fileName: out.fileName, data: out.data! }, year: 2025 });
    expect(back.years).toEqual([{ year: 2025, entries: 3, amount: 亿(52.59), replaces: 3 }]);
    expect(await call('import.bank.commit', { token: back.token, year: 2025 })).toEqual({ imported: 3, replaced: 3 });
    expect((await call('support.summary', { year: 2025 })).bank).toEqual(s.bank);
    expect(await call('support.bankLoans', { year: 2025 })).toHaveLength(2);
  });

  it('adds the loans up when the office has no totals; a loan without figures or project is refused in Chinese', async () => {
    await call('support.addBankLoan', { year: 2025, projectName: '浑河堤防加固工程', bank: '农业银行', credit: '8000', loans: '2000', balance: null, unit: '万元' });
    await call('support.addBankLoan', { year: 2025, projectName: '港区物流园', credit: '5000', loans: '1500', balance: '1500', unit: '万元' });
    const s = await call('support.summary', { year: 2025 });
    expect(s.bank).toEqual({ year: 2025, projects: 2, credit: 130_000_000, loans: 35_000_000, balance: 15_000_000 });
    expect(s.bankFromLoans).toBe(true);
    expect((await refused('support.addBankLoan', { year: 2025, projectName: '港区物流园', credit: null, loans: '', balance: null, unit: '万元' })).message).toBe('“港区物流园”：授信额度、发放贷款、贷款余额至少填写一项');
    expect((await refused('support.addBankLoan', { year: 2025, projectName: ' ', credit: '1', loans: null, balance: null, unit: '万元' })).message).toBe('请填写获得贷款支持的项目名称');
    expect((await refused('support.addBankLoan', { year: 2025, projectName: '港区物流园', credit: '一千', loans: null, balance: null, unit: '万元' })).message).toMatch(/^授信额度：/);
    const [first] = await call('support.bankLoans', { year: 2025 });
    await call('support.removeBankLoan', { id: first!.id });
    expect((await call('support.summary', { year: 2025 })).bank).toMatchObject({ projects: 1, credit: 50_000_000 });
  });

  it('imports land solved with a preview, names a bad cell and writes nothing, exports and imports back', async () => {
    const bad = await call('import.land.preview', { source: await book('用地保障', [['项目名称', '解决用地（亩）'], ['浑河堤防加固工程', 511.05], ['港区物流园', '三十亩'], ['合计', 541.05]]), year: 2025 });
    expect(bad.issues.map((i) => `${i.sheet}!${i.cell}: ${i.message}`)).toEqual(['用地保障!B3: 用地面积“三十亩”无效，应为亩数，最多两位小数']);
    expect((await refused('import.land.commit', { token: bad.token, year: 2025 })).message).toMatch(/有1处错误，未导入任何内容/);
    expect(await call('support.land', { year: 2025 })).toEqual([]);

    const good = await call('import.land.preview', { source: await book('用地保障', [['年度', '项目名称', '解决用地（亩）', '备注'], [2025, '浑河堤防加固工程', 511.05, null], [2025, '港区物流园', '30亩', '新增建设用地'], ['合计', null, 541.05, null]]), year: 2025 });
    expect(good).toMatchObject({ linked: 1, issues: [], years: [{ year: 2025, entries: 2, amount: 54_105, replaces: 0 }] });
    await call('import.land.commit', { token: good.token, year: 2025 });
    await call('support.addLand', { year: 2025, area: '10.5', projectName: '港区物流园' });
    expect((await call('support.summary', { year: 2025 })).land).toEqual({ areaCentimu: 55_155, projects: 1 });
    const out = await call('export.support', { year: 2025 });
    const back = await call('import.land.preview', { source: { fileName: out.fileName, data: out.data! }, year: 2025 });
    expect(back.years).toEqual([{ year: 2025, entries: 3, amount: 55_155, replaces: 3 }]);
    await call('import.land.commit', { token: back.token, year: 2025 });
    expect((await call('support.land', { year: 2025 })).map((l) => [l.projectName, l.areaCentimu, l.note])).toEqual([
      ['浑河堤防加固工程', 51_105, null],
      ['港区物流园', 3_000, '新增建设用地'],
      ['港区物流园', 1_050, null],
    ]);
    // A sheet of another kind is named for what it lacks.
    expect((await refused('import.land.preview', { source: await sheet(FUNDS), year: 2025 })).message).toBe('“争取资金.xlsx”中没有找到用地保障表：需要“解决用地（亩）”列');
  });
});
