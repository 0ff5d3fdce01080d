/**
 * 导入台账: the preview before anything is written — which plan it goes into (new, or which of its
 * ledgers are replaced), each sheet read as which ledger, its column mapping (changeable: the sheet
 * is read again), what each row will do, and every problem as 工作表!单元格. Then import, or not.
 */
import { useState } from 'react';
import { describeIssue } from '../../../../shared/import';
import {
  LEDGER_FIELDS,
  LEDGER_KIND_KEYS,
  LEDGER_KINDS,
  LEDGER_STATUS,
  type ActionPlan,
  type LedgerField,
  type LedgerImportPreview,
  type LedgerKind,
  type LedgerSheetChoice,
  type LedgerSheetPreview,
} from '../../../../shared/ledgers';
import { call, messageOf } from '../../api';
import { Modal } from '../../ui/dialogs';
import { ColumnMapping } from '../import/column-mapping';
import { changesText, PreviewRows } from '../import/preview-rows';

const SHOWN_ROWS = 200;
const FIELDS = Object.keys(LEDGER_FIELDS) as LedgerField[];

export interface LedgerImported {
  plan: string;
  planId: number;
  counts: Partial<Record<LedgerKind, number>>;
  warnings: number;
}

/** "将新建行动计划“X”…" / "将替换…": what 导入 will do, in one sentence. */
function whatItDoes(p: LedgerImportPreview): string {
  const read = p.sheets.filter((s) => s.ledger && s.rows.length > 0);
  if (read.length === 0) return '没有可导入的台账条目。';
  const names = read.map((s) => LEDGER_KINDS[s.ledger!]).join('、');
  const sum = (k: keyof LedgerSheetPreview['counts']) => read.reduce((n, s) => n + s.counts[k], 0);
  const removed = sum('removed');
  return (
    (p.planExists ? `将替换行动计划“${p.plan}”中的${names}台账：` : `将新建行动计划“${p.plan}”，导入${names}台账：`) +
    `新增${sum('new')}项，更新${sum('update')}项，无变化${sum('unchanged')}项` +
    (removed ? `，删除${removed}项（文件中没有）` : '') +
    '。'
  );
}

export function LedgerImportDialog(props: { initial: LedgerImportPreview; plans: ActionPlan[]; onClose: () => void; onImported: (r: LedgerImported) => void }) {
  const [preview, setPreview] = useState(props.initial);
  const [choices, setChoices] = useState<Record<string, LedgerSheetChoice>>({});
  const [plan, setPlan] = useState(props.initial.plan);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = preview.issues.filter((i) => i.severity === 'error');
  const warnings = preview.issues.filter((i) => i.severity === 'warning');
  const items = preview.sheets.reduce((n, s) => n + (s.ledger ? s.rows.length : 0), 0);

  const reanalyse = async (next: { plan?: string; choices?: Record<string, LedgerSheetChoice> }) => {
    const nextPlan = (next.plan ?? preview.plan).trim();
    const nextChoices = next.choices ?? choices;
    if (!nextPlan) return setError('请填写行动计划的名称');
    setBusy(true);
    try {
      setPreview(await call('ledgers.import.preview', { source: { token: preview.token }, plan: nextPlan, sheets: nextChoices }));
      setChoices(nextChoices);
      setPlan(nextPlan);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const choose = (sheet: string, choice: LedgerSheetChoice) => void reanalyse({ choices: { ...choices, [sheet]: { ...choices[sheet], ...choice } } });

  const commit = async () => {
    setBusy(true);
    try {
      const r = await call('ledgers.import.commit', { token: preview.token, plan: preview.plan, sheets: choices });
      props.onImported({ plan: preview.plan, ...r });
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  // The plan typed must be previewed before it can be imported into (Enter, or leaving the field).
  const planPending = plan.trim() !== preview.plan;
  return (
    <Modal
      title={`导入台账：${preview.fileName}`}
      onClose={props.onClose}
      testId="ledger-import-dialog"
      wide
      actions={
        <>
          <button onClick={props.onClose}>取消</button>
          <button className="primary" disabled={busy || planPending || errors.length > 0 || items === 0} onClick={() => void commit()}>
            导入
          </button>
        </>
      }
    >
      <div className="import-head">
        <label>
          导入到行动计划
          <input
            aria-label="导入到行动计划"
            list="ledger-plans"
            value={plan}
            disabled={busy}
            onChange={(e) => setPlan(e.target.value)}
            onBlur={() => planPending && void reanalyse({ plan })}
            onKeyDown={(e) => e.key === 'Enter' && planPending && void reanalyse({ plan })}
          />
          <datalist id="ledger-plans">
            {props.plans.map((p) => (
              <option key={p.id} value={p.name} />
            ))}
          </datalist>
        </label>
      </div>
      <p data-testid="ledger-import-summary">{planPending ? '请按回车键确认行动计划的名称。' : whatItDoes(preview)}</p>
      {error && (
        <p className="error-text" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </p>
      )}
      {preview.issues.length > 0 && (
        <section>
          <h3>{errors.length > 0 ? `错误 ${errors.length} 处（改正后才能导入）${warnings.length ? `，警告 ${warnings.length} 条` : ''}` : `警告 ${warnings.length} 条`}</h3>
          <ul className="issues" data-testid="ledger-import-issues">
            {[...errors, ...warnings].slice(0, 300).map((i, n) => (
              <li key={n} className={i.severity === 'error' ? 'error-text' : 'warning-text'}>
                {describeIssue(i)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview.sheets.map((s) => (
        <SheetPreview key={s.sheet} sheet={s} busy={busy} onChoose={(choice) => choose(s.sheet, choice)} />
      ))}
    </Modal>
  );
}

function SheetPreview(props: { sheet: LedgerSheetPreview; busy: boolean; onChoose: (choice: LedgerSheetChoice) => void }) {
  const { sheet: s, busy } = props;
  const mapping = (index: number, target: LedgerField | null) => Object.fromEntries(s.columns.map((c) => [String(c.index), c.index === index ? target : c.target]));
  return (
    <section data-testid="ledger-sheet-preview">
      <h3>
        工作表“{s.sheet}”导入为{' '}
        <select aria-label={`工作表“${s.sheet}”导入为`} value={s.ledger ?? ''} disabled={busy} onChange={(e) => props.onChoose({ ledger: (e.target.value || null) as LedgerKind | null })}>
          <option value="">（不导入）</option>
          {LEDGER_KIND_KEYS.map((k) => (
            <option key={k} value={k}>
              {LEDGER_KINDS[k]}台账
            </option>
          ))}
        </select>
        {s.ledger && s.headerRow > 0 && (
          <span className="muted" data-testid="ledger-sheet-counts">
            {' '}
            表头在第{s.headerRow}行：新增{s.counts.new}，更新{s.counts.update}，无变化{s.counts.unchanged}，错误{s.counts.error}
            {s.counts.removed ? `，删除${s.counts.removed}` : ''}
          </span>
        )}
      </h3>
      {s.ledger && s.columns.length > 0 && (
        <ColumnMapping
          columns={s.columns}
          targets={FIELDS.map((f) => ({ value: f, label: LEDGER_FIELDS[f] }))}
          label={(c) => `“${s.sheet}”${c.letter}列导入为`}
          disabled={busy}
          onChange={(c, target) => props.onChoose({ mapping: mapping(c.index, target) })}
        />
      )}
      {s.ledger && s.rows.length > 0 && (
        <PreviewRows
          rows={s.rows}
          shown={SHOWN_ROWS}
          testId="ledger-import-rows"
          columns={[
            { title: '序号', cell: (r) => r.code ?? '' },
            { title: '内容', cell: (r) => r.content },
            { title: '推进状态', cell: (r) => (r.itemStatus ? LEDGER_STATUS[r.itemStatus] : '') },
            { title: '变化', cell: (r) => changesText(r.changes) },
          ]}
        />
      )}
    </section>
  );
}
