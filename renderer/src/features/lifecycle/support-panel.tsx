/**
 * 要素保障: the year's funds obtained from above by source against last year (同比), bank support and
 * land solved, as the engine adds them up; a funds sheet imported with a preview (its years replace
 * the library's), and the ledger exported to .xlsx.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatChange, formatMoneyText } from '../../../../shared/format';
import { describeIssue } from '../../../../shared/import';
import type { SupportSummary } from '../../../../shared/support';
import type { ResultOf } from '../../../../shared/api';
import { call } from '../../api';
import { Modal } from '../../ui/dialogs';
import { deliverFile } from '../../ui/download';
import { readFileBase64 } from './read-file';

export function SupportPanel(props: { year: number; readOnly: boolean; onStatus: (text: string) => void; onError: (err: unknown) => void }) {
  const { year, onStatus, onError } = props;
  const [summary, setSummary] = useState<SupportSummary | null>(null);
  const [preview, setPreview] = useState<ResultOf<'import.funds.preview'> | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const reload = useCallback(() => void call('support.summary', { year }).then(setSummary, onError), [year, onError]);
  useEffect(reload, [reload]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      setPreview(await call('import.funds.preview', { source: { fileName: file.name, data: await readFileBase64(file) }, year }));
    } catch (err) {
      onError(err);
    }
  };
  const yoy = (cur: number, prev: number) => (prev > 0 ? formatChange(cur, prev) : '—');
  return (
    <div className="support-panel" data-testid="support-panel">
      <div className="toolbar">
        <input ref={fileRef} type="file" accept=".xlsx,.xls,.csv,.docx" hidden aria-label="资金表文件" onChange={(e) => void choose(e.target.files?.[0])} />
        <button disabled={props.readOnly} onClick={() => fileRef.current?.click()}>
          导入资金表…
        </button>
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
        <p data-testid="support-elements">
          {summary.bank
            ? `银行支持：支持重点项目${summary.bank.projects ?? '—'}个，授信额度${summary.bank.credit === null ? '—' : formatMoneyText(summary.bank.credit)}，累计发放贷款${summary.bank.loans === null ? '—' : formatMoneyText(summary.bank.loans)}，贷款余额${summary.bank.balance === null ? '—' : formatMoneyText(summary.bank.balance)}。`
            : '银行支持：尚未填报。'}
          {`用地保障：解决用地${summary.land.areaCentimu / 100}亩。`}
        </p>
      )}
      {preview && (
        <Modal
          title={`导入争取资金：${preview.fileName}`}
          testId="funds-import"
          onClose={() => setPreview(null)}
          actions={
            <>
              <button onClick={() => setPreview(null)}>取消</button>
              <button
                className="primary"
                disabled={preview.issues.length > 0}
                onClick={() =>
                  void call('import.funds.commit', { token: preview.token, year }).then((r) => {
                    setPreview(null);
                    onStatus(`已导入${r.imported}笔资金${r.replaced ? `（替换原有${r.replaced}笔）` : ''}`);
                    reload();
                  }, onError)
                }
              >
                导入
              </button>
            </>
          }
        >
          <ul>
            {preview.years.map((y) => (
              <li key={y.year}>{`${y.year}年：${y.entries}笔，${formatMoneyText(y.amount)}${y.replaces ? `，替换原有${y.replaces}笔` : ''}`}</li>
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
