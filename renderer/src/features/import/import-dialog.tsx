/**
 * 导入项目清单: the preview before anything is written — first any 总投资 / 年度计划投资 column the
 * list lacks (to be mapped or confirmed), the year to import into (any year), the column mapping
 * (which the user can change, and which is remembered for files laid out the same way), the sums to
 * compare with the sheet's 合计, the first rows as stored, what each row will do, and every problem
 * with its sheet, cell and reason. Then import all, or only the rows without errors.
 */
import { useState } from 'react';
import { FIELD_BY_KEY, PROJECT_FIELDS } from '../../../../shared/fields';
import { describeIssue, IMPORT_TARGET_LABELS, type ImportResult, type ImportTarget, type ProjectImportPreview, type RequiredMoneyTarget } from '../../../../shared/import';
import { call, messageOf } from '../../api';
import { Modal } from '../../ui/dialogs';
import { ColumnMapping } from './column-mapping';
import { HeadingsAndNotes, MissingColumns, MoneySums, SampleRows } from './import-checks';
import { changesText, PreviewRows } from './preview-rows';

const TARGETS: { value: ImportTarget; label: string }[] = [
  ...PROJECT_FIELDS.map((f) => ({ value: f.key as ImportTarget, label: f.label })),
  { value: 'years', label: IMPORT_TARGET_LABELS.years },
  { value: 'planSplit', label: IMPORT_TARGET_LABELS.planSplit },
  { value: 'seq', label: IMPORT_TARGET_LABELS.seq },
];

const SHOWN_ROWS = 300;
const SHOWN_ISSUES = 300;

/** Read a picked file as base64 for the contract. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

/** Years a list may be imported into (the contract's own bounds). */
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

export function ImportDialog(props: { initial: ProjectImportPreview; onClose: () => void; onImported: (result: ImportResult, fileName: string, year: number) => void }) {
  const [preview, setPreview] = useState(props.initial);
  const [mapping, setMapping] = useState<Record<string, ImportTarget | null> | undefined>(undefined);
  const [allowed, setAllowed] = useState<RequiredMoneyTarget[]>([]);
  const [yearText, setYearText] = useState(String(props.initial.year));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errors = preview.issues.filter((i) => i.severity === 'error');
  const warnings = preview.issues.filter((i) => i.severity === 'warning');
  const valid = preview.counts.new + preview.counts.update + preview.counts.unchanged;
  // Never a silent zero: a missing 总投资 / 年度计划投资 column holds the import until mapped or confirmed.
  const unresolved = preview.missingRequired.filter((m) => !allowed.includes(m.target));
  const allowMissing = preview.missingRequired.map((m) => m.target).filter((t) => allowed.includes(t));

  const reanalyse = async (next: { sheet?: string; mapping?: Record<string, ImportTarget | null>; year?: number }) => {
    setBusy(true);
    try {
      const nextMapping = next.mapping ?? (next.sheet && next.sheet !== preview.sheet ? undefined : mapping);
      const p = await call('import.projects.preview', {
        source: { token: preview.token },
        year: next.year ?? preview.year,
        sheet: next.sheet ?? preview.sheet,
        ...(nextMapping ? { mapping: nextMapping } : {}),
      });
      setPreview(p);
      setMapping(nextMapping);
      setYearText(String(p.year));
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const chooseYear = (text: string) => {
    setYearText(text);
    const y = Number(text);
    if (/^\d{4}$/.test(text) && y >= MIN_YEAR && y <= MAX_YEAR && y !== preview.year) void reanalyse({ year: y });
  };

  const commit = async (validOnly: boolean) => {
    setBusy(true);
    try {
      const result = await call('import.projects.commit', {
        token: preview.token,
        year: preview.year,
        sheet: preview.sheet,
        ...(mapping ? { mapping } : {}),
        validOnly,
        ...(allowMissing.length ? { allowMissing } : {}),
      });
      props.onImported(result, preview.fileName, preview.year);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`导入${preview.year}年项目清单：${preview.fileName}`}
      onClose={props.onClose}
      testId="import-dialog"
      wide
      actions={
        <>
          <button onClick={props.onClose}>取消</button>
          {errors.length > 0 && valid > 0 && (
            <button disabled={busy || unresolved.length > 0} onClick={() => void commit(true)}>
              只导入无误的{valid}行
            </button>
          )}
          <button className="primary" disabled={busy || errors.length > 0 || valid === 0 || unresolved.length > 0} onClick={() => void commit(false)}>
            导入
          </button>
        </>
      }
    >
      <MissingColumns
        preview={preview}
        allowed={allowed}
        disabled={busy}
        onAllow={(target, allow) => setAllowed((a) => (allow ? [...a.filter((t) => t !== target), target] : a.filter((t) => t !== target)))}
      />
      <div className="import-head">
        <label>
          导入到
          <input
            type="number"
            aria-label="导入到年度"
            min={MIN_YEAR}
            max={MAX_YEAR}
            value={yearText}
            disabled={busy}
            style={{ width: '6em' }}
            onChange={(e) => chooseYear(e.target.value)}
          />
          年清单
        </label>
        {preview.yearInFile !== null && preview.yearInFile !== preview.year && (
          <span className="warning-text" data-testid="import-year-hint">
            文件中写的是{preview.yearInFile}年
            <button className="link" disabled={busy} onClick={() => void reanalyse({ year: preview.yearInFile! })}>
              改为导入{preview.yearInFile}年
            </button>
          </span>
        )}
        {preview.sheets.length > 1 && (
          <label>
            工作表
            <select value={preview.sheet} disabled={busy} onChange={(e) => void reanalyse({ sheet: e.target.value })}>
              {preview.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        <span>表头在第{preview.headerLastRow > preview.headerRow ? `${preview.headerRow}–${preview.headerLastRow}` : preview.headerRow}行</span>
        {preview.reportingUnit && <span>报送单位：{preview.reportingUnit}</span>}
        <span className="chips" data-testid="import-counts">
          <span className="chip chip-new">新增 {preview.counts.new}</span>
          <span className="chip chip-update">更新 {preview.counts.update}</span>
          <span className="chip">无变化 {preview.counts.unchanged}</span>
          <span className={`chip ${preview.counts.error ? 'chip-error' : ''}`}>错误 {preview.counts.error}</span>
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </p>
      )}
      {preview.issues.length > 0 && (
        <section>
          <h3>{errors.length > 0 ? `错误 ${errors.length} 处${warnings.length ? `，警告 ${warnings.length} 条` : ''}` : `警告 ${warnings.length} 条`}</h3>
          <ul className="issues" data-testid="import-issues">
            {[...errors, ...warnings].slice(0, SHOWN_ISSUES).map((i, n) => (
              <li key={n} className={i.severity === 'error' ? 'error-text' : 'warning-text'}>
                {describeIssue(i)}
              </li>
            ))}
            {preview.issues.length > SHOWN_ISSUES && <li className="muted">……还有{preview.issues.length - SHOWN_ISSUES}条</li>}
          </ul>
        </section>
      )}
      <MoneySums preview={preview} />
      <HeadingsAndNotes preview={preview} />
      <section>
        <h3>列对应关系</h3>
        <ColumnMapping
          columns={preview.columns}
          targets={TARGETS}
          showUnit
          disabled={busy}
          onChange={(c, target) => {
            const next = { ...Object.fromEntries(preview.columns.map((col) => [String(col.index), col.target])), [String(c.index)]: target };
            void reanalyse({ mapping: next });
          }}
        />
      </section>
      <SampleRows preview={preview} />
      <section>
        <h3>逐行预览</h3>
        <PreviewRows
          rows={preview.rows}
          shown={SHOWN_ROWS}
          testId="import-rows"
          columns={[
            { title: '项目名称', cell: (r) => r.name },
            { title: '变化', cell: (r) => (r.status === 'update' ? changesText(r.changes.map((c) => ({ ...c, label: FIELD_BY_KEY[c.field as keyof typeof FIELD_BY_KEY]?.label ?? c.label }))) : '') },
          ]}
        />
      </section>
    </Modal>
  );
}
