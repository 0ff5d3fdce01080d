/**
 * The project grid's columns, built by a pure function of the unit, the lists and whether the
 * library can be edited, so they can be unit-tested without a DOM. One column per field of
 * shared/fields.ts, in that order; the name column is pinned.
 */
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { Lists, ProjectRow } from '../../../../shared/domain';
import { fieldDisplayText, parseFieldInput, PROJECT_FIELDS, type FieldDef, type ProjectField } from '../../../../shared/fields';
import { money, moneyInUnit, type MoneyUnit } from '../../../../shared/money';
import type { NumberStyle } from '../../../../shared/number-style';
import { moneyColumnParts } from '../../ui/money-column';

/** A row of the grid: a project, or the pinned totals row (projectId 0). */
export type GridRow = ProjectRow;

const collator = new Intl.Collator('zh-CN', { numeric: true });

const WIDTHS: Partial<Record<ProjectField, number>> = {
  name: 260,
  code: 130,
  scope: 260,
  ownerUnit: 180,
  responsibleUnit: 160,
  tags: 180,
  totalInvestment: 130,
  annualPlan: 130,
  leadDepartment: 130,
  category: 150,
};

/** Names in pinyin order (the zh-CN collator), as every text column of the grid sorts. */
function byPinyin(a: string | null | undefined, b: string | null | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}

/**
 * Each row's place in the pinyin order of names (rows of equal names share one). Sorting 20,000
 * names had the collator decide some 300,000 comparisons at every click on the header and after
 * every search while sorted (250 ms); with the ranks a comparison is two look-ups. A row without a
 * rank (just added or edited: a new object) is compared by byPinyin, which orders as the ranks do.
 */
const nameRank = new WeakMap<GridRow, number>();

/** Ranks the rows' names: the screen calls it when the grid's rows have changed, while idle. */
export function rankNames(rows: readonly GridRow[]): void {
  if (rows.every((r) => nameRank.has(r))) return;
  const sorted = [...rows].sort((r, s) => byPinyin(r.name, s.name));
  let rank = 0;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    if (i > 0 && byPinyin(sorted[i - 1]!.name, r.name) !== 0) rank = i;
    nameRank.set(r, rank);
  }
}

export interface ColumnOptions {
  unit: MoneyUnit;
  lists: Pick<Lists, 'categories' | 'districts'>;
  readOnly: boolean;
  /** The office's style: money cells in 亿元 with two decimals, in 万元 with the office's (设置 > 口径). */
  style?: NumberStyle;
}


function editorFor(def: FieldDef, lists: ColumnOptions['lists']): Pick<ColDef<GridRow>, 'cellEditor' | 'cellEditorParams' | 'cellEditorPopup'> {
  switch (def.kind) {
    case 'enum':
      return { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: ['', ...Object.keys(def.options!)] } };
    case 'list': {
      const names = def.list === 'categories' ? lists.categories.map((c) => c.name) : lists.districts.map((d) => d.name);
      return { cellEditor: 'agSelectCellEditor', cellEditorParams: { values: ['', ...names] } };
    }
    case 'longText':
      return { cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, cellEditorParams: { maxLength: def.maxLength, rows: 8, cols: 50 } };
    case 'money':
      // Edited from the exact value in the grid's unit (moneyColumnParts); the service parses it exactly.
      return { cellEditor: 'agTextCellEditor' };
    default:
      return { cellEditor: 'agTextCellEditor', cellEditorParams: def.maxLength ? { maxLength: def.maxLength } : {} };
  }
}

export function buildColumnDefs(options: ColumnOptions): ColDef<GridRow>[] {
  const { unit, lists, readOnly, style } = options;
  const columns: ColDef<GridRow>[] = [
    {
      colId: 'seq',
      headerName: '序号',
      width: 70,
      pinned: 'left',
      editable: false,
      sortable: false,
      filter: false,
      suppressMovable: true,
      valueGetter: (p) => (p.node?.rowPinned ? '' : (p.node?.rowIndex ?? 0) + 1),
    },
  ];
  for (const def of PROJECT_FIELDS) {
    const field = def.key;
    const display = (value: unknown) => fieldDisplayText(field, value, unit);
    const column: ColDef<GridRow> = {
      field,
      colId: field,
      headerName: def.kind === 'money' ? `${def.label}（${unit}）` : def.label,
      width: WIDTHS[field] ?? 110,
      editable: (p) => !readOnly && !p.node.rowPinned,
      ...editorFor(def, lists),
      valueFormatter: (p: ValueFormatterParams<GridRow>) => display(p.value),
      getQuickFilterText: (p) => display(p.value),
      filter: 'agTextColumnFilter',
      filterValueGetter: (p) => display(p.data?.[field]),
      headerTooltip: def.label,
    };
    if (field === 'name') {
      column.pinned = 'left';
      column.lockPinned = true;
      // Pinyin order (byPinyin), read from the rows' ranks when both have one (rankNames).
      column.comparator = (a: string | null, b: string | null, nodeA, nodeB) => {
        const ra = nodeA?.data ? nameRank.get(nodeA.data) : undefined;
        const rb = nodeB?.data ? nameRank.get(nodeB.data) : undefined;
        return ra !== undefined && rb !== undefined ? ra - rb : byPinyin(a, b);
      };
      // Quick search matches pinyin initials too: "hd" finds 海堤….
      column.getQuickFilterText = (p) => `${p.data.name} ${p.data.nameInitials}`;
      column.tooltipField = 'name';
    }
    if (def.kind === 'money') {
      column.type = 'rightAligned';
      Object.assign(column, moneyColumnParts(unit, style));
      column.filter = 'agNumberColumnFilter';
      column.filterValueGetter = (p) => {
        const v = p.data?.[field] as number | null | undefined;
        return v === null || v === undefined ? null : moneyInUnit(v, unit);
      };
      column.getQuickFilterText = () => '';
    }
    if (def.kind === 'year' || def.kind === 'month') {
      column.filter = 'agNumberColumnFilter';
      column.filterValueGetter = (p) => p.data?.[field] ?? null;
    }
    if ((def.kind === 'text' || def.kind === 'longText' || def.kind === 'list') && field !== 'name') {
      column.comparator = (a: string | null, b: string | null) => collator.compare(a ?? '', b ?? '');
    }
    if (def.kind === 'tags') {
      column.comparator = (a: string[], b: string[]) => collator.compare((a ?? []).join('、'), (b ?? []).join('、'));
    }
    if (def.kind !== 'enum' && def.kind !== 'list') {
      // The service's own parser: a value it would refuse keeps the editor open, with the reason.
      column.cellEditorParams = {
        ...column.cellEditorParams,
        getValidationErrors: (p: { value: unknown }) => {
          const r = parseFieldInput(field, p.value ?? null, { unit });
          return r.ok ? null : [r.message];
        },
      };
    }
    columns.push(column);
  }
  return columns;
}

/** The pinned bottom row: how many projects are shown and the sums of their money columns. */
export function totalsRow(rows: readonly GridRow[]): GridRow {
  let totalInvestment = 0;
  let annualPlan = 0;
  for (const r of rows) {
    // Integers of 元: exact however many rows are summed.
    totalInvestment += r.totalInvestment ?? 0;
    annualPlan += r.annualPlan ?? 0;
  }
  return {
    projectId: 0,
    year: 0,
    code: null,
    name: `合计（${rows.length}个项目）`,
    nameInitials: '',
    district: null,
    ownerUnit: null,
    scope: null,
    level: null,
    category: null,
    leadDepartment: null,
    nature: null,
    startYear: null,
    endYear: null,
    plannedStartMonth: null,
    startDate: null,
    stage: null,
    previousStage: null,
    stageChangedOn: null,
    workTarget: null,
    totalInvestment: money(totalInvestment),
    annualPlan: money(annualPlan),
    contactLeader: null,
    responsibleUnit: null,
    responsiblePerson: null,
    phone: null,
    tags: [],
  };
}
