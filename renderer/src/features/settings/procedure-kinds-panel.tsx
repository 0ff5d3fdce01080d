/**
 * 设置 > 前期手续种类: the kinds of procedure the 前期手续 grid, the wall chart, the counts and the
 * warnings use — added, renamed, moved up or down, retired (hidden with their records, brought back
 * at will) or deleted when no project has recorded one (electron/services/procedure-kinds.ts says
 * why not otherwise). What each counts as: 立项、备案 or 施工许可证 in "其中立项、备案N个，施工许可证N个".
 */
import { useState } from 'react';
import type { ProcedureKind, ProcedureRole } from '../../../../shared/lifecycle';
import { call, messageOf } from '../../api';
import { useLoadOnce } from '../../ui/load-once';

const ROLES: { value: ProcedureRole | ''; label: string }[] = [
  { value: '', label: '不单列' },
  { value: 'approval', label: '计入立项、备案' },
  { value: 'constructionPermit', label: '计入施工许可证' },
];

export function ProcedureKindsPanel(props: { readOnly: boolean; onError: (message: string | null) => void }) {
  const [kinds, setKinds] = useState<ProcedureKind[] | null>(null);
  const [names, setNames] = useState<Record<number, string>>({});
  const [newName, setNewName] = useState('');
  const [status, setStatus] = useState('');
  useLoadOnce(() => call('procedures.kinds', {}), setKinds, props.onError);
  if (!kinds) return null;

  const run = async (action: () => Promise<ProcedureKind[]>, done: string) => {
    try {
      setKinds(await action());
      props.onError(null);
      setStatus(done);
      return true;
    } catch (err) {
      props.onError(messageOf(err));
      setStatus('');
      return false;
    }
  };
  const move = (i: number, by: -1 | 1) => {
    const ids = kinds.map((k) => k.id);
    [ids[i], ids[i + by]] = [ids[i + by]!, ids[i]!];
    void run(() => call('procedures.orderKinds', { ids }), `已将“${kinds[i]!.name}”${by < 0 ? '上移' : '下移'}`);
  };
  const off = props.readOnly;
  return (
    <section className="list-editor" data-testid="procedure-kinds">
      <h2>前期手续种类</h2>
      <p className="muted">
        前期手续台账、挂图作战、手续统计和逾期预警按这里的顺序列出在用的手续。已有项目记录的手续不能删除，可“停用”：停用后不再显示和统计，记录保留，恢复后照常使用。
      </p>
      <table>
        <tbody>
          {kinds.map((k, i) => {
            const name = names[k.id] ?? k.name;
            return (
              <tr key={k.id} className={k.retired ? 'muted' : ''} data-testid={`kind-${k.name}`}>
                <td>
                  <input aria-label={`手续名称：${k.name}`} value={name} disabled={off} onChange={(e) => setNames({ ...names, [k.id]: e.target.value })} />
                </td>
                <td>
                  <select
                    aria-label={`统计口径：${k.name}`}
                    value={k.role ?? ''}
                    disabled={off}
                    onChange={(e) => void run(() => call('procedures.updateKind', { id: k.id, name: k.name, role: (e.target.value || null) as ProcedureRole | null }), `已保存“${k.name}”的统计口径`)}
                  >
                    {ROLES.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{k.retired ? '已停用' : '在用'}</td>
                <td className="row-actions">
                  <button disabled={off || name === k.name} onClick={() => void run(() => call('procedures.updateKind', { id: k.id, name }), `已改名为“${name.trim()}”`).then((ok) => ok && setNames(({ [k.id]: _, ...rest }) => rest))}>
                    保存
                  </button>
                  <button aria-label={`上移${k.name}`} disabled={off || i === 0} onClick={() => move(i, -1)}>
                    上移
                  </button>
                  <button aria-label={`下移${k.name}`} disabled={off || i === kinds.length - 1} onClick={() => move(i, 1)}>
                    下移
                  </button>
                  <button disabled={off} onClick={() => void run(() => call('procedures.retireKind', { id: k.id, retired: !k.retired }), `已${k.retired ? '恢复' : '停用'}“${k.name}”`)}>
                    {k.retired ? '恢复' : '停用'}
                  </button>
                  <button disabled={off} onClick={() => void run(() => call('procedures.removeKind', { id: k.id }), `已删除“${k.name}”`)}>
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
          <tr>
            <td>
              <input aria-label="新增手续名称" placeholder="新增手续…" value={newName} disabled={off} onChange={(e) => setNewName(e.target.value)} />
            </td>
            <td colSpan={3} className="row-actions">
              <button className="primary" disabled={off || !newName.trim()} onClick={() => void run(() => call('procedures.addKind', { name: newName }), `已添加“${newName.trim()}”`).then((ok) => ok && setNewName(''))}>
                添加手续
              </button>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="status-saved" data-testid="procedure-kinds-status">
        {status}
      </p>
    </section>
  );
}
