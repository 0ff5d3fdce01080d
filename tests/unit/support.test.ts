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
