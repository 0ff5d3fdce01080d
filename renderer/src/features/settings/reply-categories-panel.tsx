/**
 * 办复类别: the office's scheme of answer categories for replies to proposals and suggestions
 * (A–D or 甲乙丙, or its own), each with the definition the office uses. The reply's 办复类别
 * choice lists these; a draft with a code not in the scheme says so.
 */
import { useEffect, useState } from 'react';
import { REPLY_CATEGORY_PRESETS, type ReplyCategory } from '../../../../shared/drafts-reply';
import { call, messageOf } from '../../api';

export function ReplyCategoriesPanel(props: { readOnly: boolean; onError: (message: string) => void }) {
  const [rows, setRows] = useState<ReplyCategory[] | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    call('drafts.replyCategories', {}).then(setRows, (err) => props.onError(messageOf(err)));
    // Loaded once when the screen opens; onError only reports, a new one must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (!rows) return null;
  const edit = (i: number, change: Partial<ReplyCategory>) => (setRows(rows.map((r, k) => (k === i ? { ...r, ...change } : r))), setSaved(''));
  const save = async () => {
    try {
      setRows(await call('drafts.setReplyCategories', { categories: rows }));
      setSaved('已保存');
    } catch (err) {
      props.onError(messageOf(err));
    }
  };
  return (
    <section className="list-editor" data-testid="reply-categories">
      <h2>办复类别</h2>
      <p className="muted">提案（建议）答复中的“办复类别”按本单位的分类填写。可从常用分类开始，再修改各类的含义。</p>
      <p>
        {(Object.keys(REPLY_CATEGORY_PRESETS) as (keyof typeof REPLY_CATEGORY_PRESETS)[]).map((name) => (
          <button key={name} disabled={props.readOnly} onClick={() => (setRows(REPLY_CATEGORY_PRESETS[name].map((c) => ({ ...c }))), setSaved(''))}>
            使用{name === 'A-D' ? 'A、B、C、D' : '甲、乙、丙'}
          </button>
        ))}
      </p>
      <table>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input aria-label="办复类别代号" size={4} value={r.code} disabled={props.readOnly} onChange={(e) => edit(i, { code: e.target.value })} />
              </td>
              <td>
                <input aria-label={`办复类别${r.code}的含义`} size={36} value={r.definition} disabled={props.readOnly} onChange={(e) => edit(i, { definition: e.target.value })} />
              </td>
              <td className="row-actions">
                <button disabled={props.readOnly || rows.length <= 1} onClick={() => (setRows(rows.filter((_, k) => k !== i)), setSaved(''))}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button disabled={props.readOnly} onClick={() => (setRows([...rows, { code: '', definition: '' }]), setSaved(''))}>
          添加一类
        </button>{' '}
        <button className="primary" disabled={props.readOnly} onClick={() => void save()}>
          保存办复类别
        </button>{' '}
        <span className="muted" role="status">
          {saved}
        </span>
      </p>
    </section>
  );
}
