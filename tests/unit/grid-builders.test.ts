import { DEFAULT_NUMBER_STYLE } from '../../shared/number-style';
import { describe, expect, it } from 'vitest';
import { buildColumnDefs, totalsRow, type GridRow } from '../../renderer/src/features/projects/columns';
import { parseClipboardTable, toClipboardTable } from '../../renderer/src/ui/clipboard-table';
import { PROJECT_FIELDS } from '../../shared/fields';
import { DEFAULT_CATEGORIES } from '../../shared/domain';

const lists = { categories: DEFAULT_CATEGORIES.map((c, i) => ({ ...c, id: i + 1 })), districts: [{ id: 1, name: '荣成市' }] };

describe('project grid columns', () => {
  it('has one column per glossary field, name pinned, money in the chosen unit', () => {
    const cols = buildColumnDefs({ unit: '亿元', lists, readOnly: false });
    expect(cols.map((c) => c.colId)).toEqual(['seq', ...PROJECT_FIELDS.map((f) => f.key)]);
    const name = cols.find((c) => c.colId === 'name')!;
    expect(name.pinned).toBe('left');
    expect(cols.find((c) => c.colId === 'totalInvestment')!.headerName).toBe('总投资（亿元）');
    const category = cols.find((c) => c.colId === 'category')!;
    expect(category.cellEditorParams.values).toEqual(['', ...DEFAULT_CATEGORIES.map((c) => c.name)]);
  });

  it('formats amounts with separators in the unit and labels enums in Chinese', () => {
    const cols = buildColumnDefs({ unit: '万元', lists, readOnly: false });
    const fmt = (colId: string, value: unknown) => (cols.find((c) => c.colId === colId)!.valueFormatter as (p: { value: unknown }) => string)({ value });
    // 万元 in the office's decimals (2 unless chosen), every cell alike; 亿元 always two.
    expect(fmt('totalInvestment', 13_722_300_000)).toBe('1,372,230.00');
    const whole = buildColumnDefs({ unit: '万元', lists, readOnly: false, style: { ...DEFAULT_NUMBER_STYLE, wanDecimals: 0, thousands: false } });
    expect((whole.find((c) => c.colId === 'totalInvestment')!.valueFormatter as (p: { value: unknown }) => string)({ value: 13_722_345_678 })).toBe('1372235');
    const yi = buildColumnDefs({ unit: '亿元', lists, readOnly: false, style: { ...DEFAULT_NUMBER_STYLE, wanDecimals: 0 } });
    const money = yi.find((c) => c.colId === 'totalInvestment')!;
    expect((money.valueFormatter as (p: { value: unknown }) => string)({ value: 13_722_345_678 })).toBe('137.22');
    // The editor starts from the exact value.
    expect((money.cellEditorParams as { formatValue: (v: unknown) => string }).formatValue(13_722_345_678)).toBe('137.22345678');
    expect(fmt('level', 'province')).toBe('省重点');
    expect(fmt('nature', 'continued')).toBe('续建');
    expect(fmt('tags', ['涉海', '民生'])).toBe('涉海、民生');
  });

  it('quick search text of the name carries the pinyin initials', () => {
    const cols = buildColumnDefs({ unit: '万元', lists, readOnly: false });
    const name = cols.find((c) => c.colId === 'name')!;
    const text = (name.getQuickFilterText as (p: { data: Partial<GridRow> }) => string)({ data: { name: '海堤修复', nameInitials: 'hdxf' } });
    expect(text).toContain('hdxf');
  });

  it('makes nothing editable in a read-only library, and never the totals row', () => {
    const editable = (readOnly: boolean, pinned: 'bottom' | undefined) =>
      (buildColumnDefs({ unit: '万元', lists, readOnly }).find((c) => c.colId === 'name')!.editable as (p: { node: { rowPinned?: string } }) => boolean)({
        node: { rowPinned: pinned },
      });
    expect(editable(false, undefined)).toBe(true);
    expect(editable(true, undefined)).toBe(false);
    expect(editable(false, 'bottom')).toBe(false);
  });

  it('totals sum exactly and count the rows shown', () => {
    const rows = Array.from({ length: 1000 }, () => ({ totalInvestment: 1000, annualPlan: null }) as unknown as GridRow);
    const t = totalsRow(rows);
    expect(t.name).toBe('合计（1000个项目）');
    expect(t.totalInvestment).toBe(1_000_000);
    expect(t.annualPlan).toBe(0);
  });
});

describe('clipboard tables as Excel and WPS write them', () => {
  it('reads tabs, CRLF, a trailing line break and quoted cells', () => {
    expect(parseClipboardTable('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardTable('"多行\n内容"\t"含""引号"""\n')).toEqual([['多行\n内容', '含"引号"']]);
    expect(parseClipboardTable('x\t\ty')).toEqual([['x', '', 'y']]);
    expect(parseClipboardTable('')).toEqual([]);
  });

  it('round-trips through its own writer', () => {
    const table = [
      ['海堤\t修复', '1,234.5'],
      ['"引号"', '第一行\n第二行'],
    ];
    expect(parseClipboardTable(toClipboardTable(table))).toEqual(table);
  });

  it('copies formula-like text with a leading apostrophe (a clipboard has no cell styles), and numbers as numbers', () => {
    const out = toClipboardTable([['=HYPERLINK("http://x","点我")', '-1,234.5', '@SUM(A1)', '+86-631', '12.5%', '-', '海堤']]);
    expect(parseClipboardTable(out)).toEqual([["'=HYPERLINK(\"http://x\",\"点我\")", '-1,234.5', "'@SUM(A1)", "'+86-631", '12.5%', "'-", '海堤']]);
  });
});
