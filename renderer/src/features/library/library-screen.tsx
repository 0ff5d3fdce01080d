/**
 * Choosing the library: shown when none is open (first start, or the last one could not be opened).
 * Electron offers native dialogs; the browser harness asks for a path instead.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo, LibraryInfo } from '../../../../shared/domain';
import { call, messageOf } from '../../api';

export function LibraryScreen(props: { nativeDialogs: boolean; problem: string | null; onOpened: (info: LibraryInfo) => void }) {
  const [recent, setRecent] = useState<string[]>([]);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(props.problem);
  // A library that could not be opened, and its backups: the recovery choices.
  const [failed, setFailed] = useState<{ path: string; backups: BackupInfo[] } | null>(null);

  const offerBackups = (file: string) =>
    call('library.backups', { path: file }).then((backups) => setFailed(backups.length ? { path: file, backups } : null), () => setFailed(null));
  useEffect(() => {
    call('library.recent', {}).then((list) => {
      setRecent(list);
      // The library that failed at startup is the most recent one.
      if (props.problem && list[0]) void offerBackups(list[0]);
    }, () => setRecent([]));
  }, [props.problem]);

  const attempt = async (run: () => Promise<LibraryInfo>, file?: string) => {
    try {
      props.onOpened(await run());
    } catch (err) {
      const code = (err as { error?: { code?: string } }).error?.code;
      if (code === 'CANCELLED') return;
      setError(messageOf(err));
      if (file && (code === 'CORRUPT' || code === 'NOT_FOUND')) void offerBackups(file);
    }
  };

  return (
    <section className="library-screen">
      <h1>重点项目工作台</h1>
      <p className="muted">打开一个项目库开始工作。项目库是一个文件，保存全部项目、年度清单和修改记录。</p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {failed && (
        <div className="recovery" data-testid="recovery">
          <h2>从备份恢复“{failed.path}”</h2>
          <p className="muted">恢复时，现在的文件会改名保留在原文件夹（“…损坏-时间”），不会被删除或覆盖。</p>
          <ul>
            {failed.backups.map((b) => (
              <li key={b.name}>
                {b.at}（{b.reason}，{Math.max(1, Math.round(b.size / 1024))} KB）
                <button onClick={() => void attempt(() => call('library.recover', { path: failed.path, name: b.name }))}>恢复此备份</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.nativeDialogs ? (
        <div className="actions">
          <button className="primary" onClick={() => void attempt(() => call('library.openWithDialog', {}))}>
            打开项目库…
          </button>
          <button onClick={() => void attempt(() => call('library.createWithDialog', {}))}>新建项目库…</button>
        </div>
      ) : (
        <div className="actions">
          <input aria-label="项目库文件路径" placeholder="项目库文件路径，例如 /home/user/重点项目库.kpw" value={path} onChange={(e) => setPath(e.target.value)} />
          <button className="primary" disabled={!path.trim()} onClick={() => void attempt(() => call('library.open', { path: path.trim() }), path.trim())}>
            打开
          </button>
          <button disabled={!path.trim()} onClick={() => void attempt(() => call('library.create', { path: path.trim() }))}>
            新建
          </button>
        </div>
      )}
      <p>
        <button className="link" onClick={() => void attempt(() => call('library.openDemo', {}))}>
          打开示例项目库
        </button>
        <span className="muted">（一个城市2023、2024年的重点项目和月调度，数字与2024年重点项目新闻发布会一致，可随意试用）</span>
      </p>
      {recent.length > 0 && (
        <>
          <h2>最近打开</h2>
          <ul className="recent">
            {recent.map((p) => (
              <li key={p}>
                <button className="link" onClick={() => void attempt(() => call('library.open', { path: p }), p)}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
