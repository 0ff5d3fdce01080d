/** Editing one node of the wall chart: a procedure's planned and actual dates and document number, or the project's start. */
import { useState } from 'react';
import type { ProcedureKind, ProcedureRow } from '../../../../shared/lifecycle';
import { call, messageOf } from '../../api';
import { Modal } from '../../ui/dialogs';

export function NodeDialog(props: { year: number; row: ProcedureRow; kind: ProcedureKind | null; onClose: (changed: boolean) => void }) {
  const p = props.kind ? props.row.procedures[props.kind.id] : undefined;
  const [planned, setPlanned] = useState(p?.plannedDate ?? '');
  const [obtained, setObtained] = useState(p?.obtainedDate ?? (p?.recordedOn ? '已办' : ''));
  const [doc, setDoc] = useState(p?.documentNumber ?? '');
  const [start, setStart] = useState(props.row.startDate ?? '');
  const [error, setError] = useState('');
  const save = async () => {
    try {
      if (!props.kind) {
        await call('projects.update', { projectId: props.row.projectId, year: props.year, field: 'startDate', value: start || null, unit: '万元' });
      } else {
        const base = { year: props.year, projectId: props.row.projectId, kindId: props.kind.id };
        if (planned !== (p?.plannedDate ?? '')) await call('procedures.update', { ...base, field: 'plannedDate', value: planned || null });
        const was = p?.obtainedDate ?? (p?.recordedOn ? '已办' : '');
        if (obtained !== was) await call('procedures.update', { ...base, ...(obtained === '已办' || obtained === '' ? { field: 'obtained', value: obtained || '未办' } : { field: 'obtainedDate', value: obtained }) });
        if (doc !== (p?.documentNumber ?? '')) await call('procedures.update', { ...base, field: 'documentNumber', value: doc || null });
      }
      props.onClose(true);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <Modal
      title={`${props.row.name}：${props.kind ? props.kind.name : '开工'}`}
      onClose={() => props.onClose(false)}
      testId="node-dialog"
      actions={
        <>
          <button onClick={() => props.onClose(false)}>取消</button>
          <button className="primary" onClick={() => void save()}>
            保存
          </button>
        </>
      }
    >
      {props.kind ? (
        <div className="form-grid">
          <label>
            计划办结日期
            <input aria-label="计划办结日期" value={planned} onChange={(e) => setPlanned(e.target.value)} placeholder="2025-06-30" />
          </label>
          <label>
            实际取得日期（或“已办”）
            <input aria-label="实际取得日期" value={obtained} onChange={(e) => setObtained(e.target.value)} />
          </label>
          <label>
            批复文号
            <input aria-label="批复文号" value={doc} onChange={(e) => setDoc(e.target.value)} />
          </label>
        </div>
      ) : (
        <label>
          实际开工时间
          <input aria-label="实际开工时间" value={start} onChange={(e) => setStart(e.target.value)} placeholder="2025-05-20" />
        </label>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
