/**
 * 备份与恢复: the library's backups (made before every import, daily, and on request), each
 * verifiable; restoring one keeps the current state as a backup first, so it can be undone.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/domain';
import { call, messageOf } from '../../api';
import { ConfirmDialog } from '../../ui/dialogs';

export function BackupsPanel(props: { readOnly: boolean; onRestored: () => void }) {
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [status, setStatus] = useState('');
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [folder, setFolder] = useState<{ path: string; canOpen: boolean } | null>(null);
  const reload = useCallback(
    () =>
      Promise.all([call('backups.list', {}), call('backups.folder', {})]).then(
        ([list, where]) => {
          setBackups(list);
          setFolder(where);
        },
        (err) => setStatus(messageOf(err)),
      ),
    [],
  );
  useEffect(() => void reload(), [reload]);

  const run = async (what: () => Promise<string>) => {
    try {
      setStatus(await what());
      await reload();
    } catch (err) {
      setStatus(messageOf(err));
    }
  };
  return (
    <section className="backups-panel" data-testid="backups-panel">
      <h2>备份与恢复</h2>
      <p className="muted">每次导入前、每天使用时自动备份（保留最近20份），也可随时手动备份。每份备份都注明是在什么操作之前做的。</p>
      {folder && (
        <p className="backup-folder" data-testid="backup-folder">
          备份文件夹：<code>{folder.path}</code>{' '}
          {folder.canOpen ? (
            <button className="link" onClick={() => void run(async () => `已打开“${(await call('backups.openFolder', {})).path}”`)}>
              打开文件夹
            </button>
          ) : (
            <button className="link" onClick={() => void copyPath(folder.path).then(setStatus)}>
              复制路径
            </button>
          )}
        </p>
      )}
      <div className="actions">
        <button disabled={props.readOnly} onClick={() => void run(async () => `已备份：${(await call('backups.create', {})).name}`)}>
          立即备份
        </button>
        <span className="muted" role="status">
          {status}
        </span>
      </div>
      <table className="preview-rows">
        <thead>
          <tr>
            <th>时间</th>
            <th>备份于</th>
            <th>大小</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.name}>
              <td>{b.at}</td>
              <td title={b.path}>{b.label}</td>
              <td>{Math.max(1, Math.round(b.size / 1024))} KB</td>
              <td>
                <button className="link" onClick={() => void run(async () => (await call('backups.verify', { name: b.name })).message)}>
                  校验
                </button>{' '}
                <button className="link" disabled={props.readOnly} onClick={() => setRestoring(b)}>
                  恢复
                </button>
              </td>
            </tr>
          ))}
          {backups.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                还没有备份
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {restoring && (
        <ConfirmDialog
          title="从备份恢复"
          message={`用 ${restoring.at} 的备份（${restoring.label}）替换当前项目库？当前的内容会先另存为一份“恢复前”备份，可以再恢复回来。`}
          confirmLabel="恢复"
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            const b = restoring;
            setRestoring(null);
            void run(async () => {
              await call('backups.restore', { name: b.name });
              props.onRestored();
              return `已恢复 ${b.at} 的备份`;
            });
          }}
        />
      )}
    </section>
  );
}

/** The browser cannot open a folder: the path to the clipboard, to paste into the file manager. */
async function copyPath(text: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(text);
    return '已复制备份文件夹的路径，可粘贴到文件管理器的地址栏中打开';
  } catch {
    return `无法写入剪贴板，请手动复制：${text}`;
  }
}
