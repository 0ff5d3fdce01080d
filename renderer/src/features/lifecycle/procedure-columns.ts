/**
 * The 前期手续 grid's columns, built by a pure function: per procedure kind a group of 计划办结 and
 * 办结 (a date, 已办, or empty), coloured by status as of the screen's day.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { STAGE_LABELS } from '../../../../shared/domain';
import { PROCEDURE_STATUS_LABELS, type ProcedureKind, type ProcedureRow } from '../../../../shared/lifecycle';

/** colId of a procedure cell: `k<kindId>:<field>` (field as the contract names it). */
export const procedureColId = (kindId: number, field: 'plannedDate' | 'obtainedDate') => `k${kindId}:${field}`;

export function parseProcedureColId(colId: string): { kindId: number; field: 'plannedDate' | 'obtainedDate' } | null {
  const m = /^k(\d+):(plannedDate|obtainedDate)$/.exec(colId);
  return m ? { kindId: Number(m[1]), field: m[2] as 'plannedDate' | 'obtainedDate' } : null;
}

export function procedureColumns(kinds: readonly ProcedureKind[], editable: boolean): (ColDef<ProcedureRow> | ColGroupDef<ProcedureRow>)[] {
  return [
    { colId: 'seq', headerName: '序号', width: 70, pinned: 'left', valueGetter: (p) => (p.node?.rowIndex ?? 0) + 1, sortable: false },
    { field: 'name', colId: 'name', headerName: '项目名称', width: 220, pinned: 'left', filter: 'agTextColumnFilter' },
    { field: 'district', colId: 'district', headerName: '所在区市', width: 100, filter: 'agTextColumnFilter' },
    { colId: 'stage', headerName: '项目阶段', width: 90, valueGetter: (p) => (p.data?.stage ? STAGE_LABELS[p.data.stage] : '') },
    ...kinds.map(
      (k): ColGroupDef<ProcedureRow> => ({
        headerName: k.name,
        // A long procedure name ("建设项目用地预审与选址意见书") wraps over its two columns.
        wrapHeaderText: true,
        autoHeaderHeight: true,
        children: [
          { colId: procedureColId(k.id, 'plannedDate'), headerName: '计划办结', width: 110, editable, valueGetter: (p) => p.data?.procedures[k.id]?.plannedDate ?? '' },
          {
            colId: procedureColId(k.id, 'obtainedDate'),
            headerName: '办结',
            width: 110,
            editable,
            valueGetter: (p) => {
              const r = p.data?.procedures[k.id];
              return r ? (r.obtainedDate ?? (r.recordedOn ? '已办' : '')) : '';
            },
            tooltipValueGetter: (p) => {
              const r = p.data?.procedures[k.id];
              return r ? `${PROCEDURE_STATUS_LABELS[r.status]}${r.documentNumber ? `，${r.documentNumber}` : ''}` : '';
            },
            cellClass: (p) => `proc-${p.data?.procedures[k.id]?.status ?? 'none'}`,
          },
        ],
      }),
    ),
  ];
}
