/** 下发督办单…: choose the project (lagging ones first), the form, level and deadline of a notice. */
import { useEffect, useMemo, useState } from 'react';
import type { DispatchRow } from '../../../../shared/dispatch';
import { SUPERVISION_FORMS, SUPERVISION_LEVELS, type SupervisionForm, type SupervisionLevel, type SupervisionRow } from '../../../../shared/supervision';
import { call, messageOf } from '../../api';
import { FormDialog } from '../../ui/dialogs';
import { findByName, ProjectNameField } from '../../ui/project-name-field';

const ORDER = { red: 0, yellow: 1, green: 2 } as const;

export function IssueDialog(props: { year: number; month: number; onCancel: () => void; onIssued: (row: SupervisionRow) => void }) {
  const [rows, setRows] = useState<DispatchRow[]>([]);
  const [projectName, setProjectName] = useState('');
  const [form, setForm] = useState<SupervisionForm>('supervision');
  const [level, setLevel] = useState<SupervisionLevel | ''>('');
  const [issued, setIssued] = useState('');
  const [deadline, setDeadline] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('dispatch.list', { year: props.year, month: props.month }).then(setRows, (err) => setError(messageOf(err)));
  }, [props.year, props.month]);
  const lagging = useMemo(
    () => [...rows].sort((a, b) => ORDER[a.warning] - ORDER[b.warning]).map((r) => ({ ...r, note: r.warning === 'green' ? '' : `${r.warning === 'red' ? '红色' : '黄色'}预警` })),
    [rows],
  );
  const found = findByName(rows, projectName, props.year);
  const project = typeof found === 'string' ? undefined : found;
  const submit = async () => {
    if (typeof found === 'string') return setError(found);
    try {
      props.onIssued(
        await call('supervisions.issue', {
          projectId: found.projectId,
          year: props.year,
          month: props.month,
          form,
          ...(level ? { level } : {}),
          ...(issued.trim() ? { issuedDate: issued } : {}),
          ...(deadline.trim() ? { deadline } : {}),
          ...(reason.trim() ? { reason } : {}),
        }),
      );
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <FormDialog
      title={`下发督办单（${props.year}年${props.month}月）`}
      okLabel="下发"
      okDisabled={!projectName.trim()}
      onOk={() => void submit()}
      onCancel={props.onCancel}
      error={error}
      testId="issue-supervision"
    >
      <div className="form-grid">
        <ProjectNameField listId="supervision-projects" value={projectName} onChange={setProjectName} projects={lagging} />
        {project && <p className="muted">{project.warning === 'green' ? '该项目本月无预警。' : `${project.warning === 'red' ? '红色' : '黄色'}预警：${project.warningReason ?? ''}`}</p>}
        <label>
          文书
          <select value={form} onChange={(e) => setForm(e.target.value as SupervisionForm)} aria-label="文书">
            {(Object.keys(SUPERVISION_FORMS) as SupervisionForm[]).map((f) => (
              <option key={f} value={f}>
                {SUPERVISION_FORMS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          等级
          <select value={level} onChange={(e) => setLevel(e.target.value as SupervisionLevel | '')} aria-label="等级">
            <option value="">按预警（红→红色，黄→黄色，其余蓝色）</option>
            {(Object.keys(SUPERVISION_LEVELS) as SupervisionLevel[]).map((l) => (
              <option key={l} value={l}>
                {SUPERVISION_LEVELS[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          下发日期
          <input value={issued} placeholder="留空为今天" onChange={(e) => setIssued(e.target.value)} aria-label="下发日期" />
        </label>
        <label>
          办理时限
          <input value={deadline} placeholder="留空为15天（红色7天）后" onChange={(e) => setDeadline(e.target.value)} aria-label="办理时限" />
        </label>
        <label>
          督办事由
          <textarea rows={2} value={reason} placeholder="留空则用预警原因" onChange={(e) => setReason(e.target.value)} aria-label="督办事由" />
        </label>
      </div>
    </FormDialog>
  );
}

/** 登记反馈… and 退回…: one text (and, for feedback, its date). */
export function TextDialog(props: { title: string; label: string; withDate: boolean; onCancel: () => void; onSubmit: (text: string, date: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => props.onSubmit(text, date).catch((err: unknown) => setError(messageOf(err)));
  return (
    <FormDialog title={props.title} okLabel="确定" okDisabled={!text.trim()} onOk={() => void submit()} onCancel={props.onCancel} error={error} testId="supervision-text">
      <div className="form-grid">
        <label>
          {props.label}
          <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} aria-label={props.label} />
        </label>
        {props.withDate && (
          <label>
            日期
            <input value={date} placeholder="留空为今天" onChange={(e) => setDate(e.target.value)} aria-label="日期" />
          </label>
        )}
      </div>
    </FormDialog>
  );
}
