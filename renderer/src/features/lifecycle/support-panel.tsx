/**
 * 要素保障: the year's funds obtained from above by source against last year (同比), bank support and
 * land solved, as the services add them up; entered by hand (support-forms.tsx) or from the
 * ledger's sheets — 争取资金, 银行支持, 用地保障 — each previewed before anything is written (its
 * years replace the library's), and the whole ledger exported to .xlsx.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatChange, formatMoneyText } from '../../../../shared/format';
import { describeIssue } from '../../../../shared/import';
import { areaText, supportElementsSentence } from '../../../../shared/phrases';
import { SUPPORT_SHEET_LABELS, type SupportImportPreview, type SupportSheetKind, type SupportSummary } from '../../../../shared/support';
import { call } from '../../api';
import { Modal } from '../../ui/dialogs';
import { deliverFile } from '../../ui/download';
import { readFileBase64 } from './read-file';
import { SupportForms } from './support-forms';
import { useNumberStyle } from '../../ui/number-style';

const CALLS = {
  funds: ['import.funds.preview', 'import.funds.commit'],
  bank: ['import.bank.preview', 'import.bank.commit'],
  land: ['import.land.preview', 'import.land.commit'],
} as const;

/** A year of a preview in words: what it holds and what it replaces. */
function yearLine(kind: SupportSheetKind, y: SupportImportPreview['years'][number]): string {
  const amount = kind === 'land' ? areaText(y.amount) : kind === 'bank' ? `发放贷款${formatMoneyText(y.amount)}` : formatMoneyText(y.amount);
  return `${y.year}年：${y.entries}行，${amount}${y.replaces ? `，替换原有${y.replaces}条` : ''}`;
}

export function SupportPanel(props: { year: number; readOnly: boolean; onStatus: (text: string) => void; onError: (err: unknown) => void }) {
  const { year, onStatus, onError } = props;
  const [summary, setSummary] = useState<SupportSummary | null>(null);
  const style = useNumberStyle(props.year);
  const [preview, setPreview] = useState<SupportImportPreview | null>(null);
  const [kind, setKind] = useState<SupportSheetKind>('funds');
  // Moves on every reload, so the forms' lists are read again after an import too.
  const [version, setVersion] = useState(0);
  const fileRef = useRef<HTMLInputElement>(null);
  const reload = useCallback(() => {
    setVersion((v) => v + 1);
    call('support.summary', { year }).then(setSummary, onError);
  }, [year, onError]);
  useEffect(reload, [reload]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      setPreview(await call(CALLS[kind][0], { source: { fileName: file.name, data: await readFileBase64(file) }, year }));
    } catch (err) {
      onError(err);
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };
  const pick = (k: SupportSheetKind) => {
    setKind(k);
    fileRef.current?.click();
  };
  const commit = (p: SupportImportPreview) =>
    call(CALLS[p.kind][1], { token: p.token, year }).then((r) => {
      setPreview(null);
      onStatus(`已导入${SUPPORT_SHEET_LABELS[p.kind]}${r.imported}行${r.replaced ? `（替换原有${r.replaced}条）` : ''}`);
      reload();
    }, onError);
  const yoy = (cur: number, prev: number) => (prev > 0 ? formatChange(cur, prev) : '—');
  return (
    <div className="support-panel" data-testid="support-panel">
      <div className="toolbar">
        <input ref={fileRef} type="file" accept=".xlsx,.xls,.csv,.docx" hidden aria-label="要素保障表文件" onChange={(e) => void choose(e.target.files?.[0])} />
        {(['funds', 'bank', 'land'] as const).map((k) => (
          <button key={k} disabled={props.readOnly} onClick={() => pick(k)}>
            {`导入${SUPPORT_SHEET_LABELS[k]}表…`}
          </button>
        ))}
        <button onClick={() => void deliverFile(call('export.support', { year })).then((t) => t && onStatus(t), onError)}>导出要素保障台账…</button>
      </div>
      {summary && (
        <table className="support-table">
          <caption>{year}年争取上级资金（同比为与上年同一来源相比）</caption>
          <thead>
            <tr>
              <th>资金来源</th>
              <th>本年</th>
              <th>上年</th>
              <th>同比</th>
              <th>支持项目</th>
            </tr>
          </thead>
          <tbody>
            {[...summary.bySource, summary.total].map((s) => (
              <tr key={s.source}>
                <td>{s.label}</td>
                <td className="num">{formatMoneyText(s.amount)}</td>
                <td className="num">{formatMoneyText(s.previous)}</td>
                <td className="num">{yoy(s.amount, s.previous)}</td>
                <td className="num">{s.projects || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary && (
        <p data-testid="support-elements">{supportElementsSentence(summary, style)}</p>
      )}
      {summary && (
        <SupportForms
          year={year}
          version={version}
          readOnly={props.readOnly}
          bank={summary.bank}
          bankFromLoans={summary.bankFromLoans}
          onChanged={(status) => {
            onStatus(status);
            reload();
          }}
          onError={onError}
        />
      )}
      {preview && (
        <Modal
          title={`导入${SUPPORT_SHEET_LABELS[preview.kind]}：${preview.fileName}`}
          testId="support-import"
          onClose={() => setPreview(null)}
          actions={
            <>
              <button onClick={() => setPreview(null)}>取消</button>
              <button className="primary" disabled={preview.issues.length > 0} onClick={() => void commit(preview)}>
                导入
              </button>
            </>
          }
        >
          <p>{`工作表“${preview.sheet}”${preview.linked ? `，${preview.linked}行对应清单中的项目` : ''}`}</p>
          <ul>
            {preview.years.map((y) => (
              <li key={y.year}>{yearLine(preview.kind, y)}</li>
            ))}
          </ul>
          <ul className="issues">
            {preview.issues.map((i) => (
              <li key={describeIssue(i)}>{describeIssue(i)}</li>
            ))}
          </ul>
        </Modal>
      )}
    </div>
  );
}
