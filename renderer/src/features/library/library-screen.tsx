/**
 * Choosing the library: shown when none is open (first start, or the last one could not be
 * opened) and by 切换项目库…, the same screen in both shells: the recent list, 打开, 新建, 示例, and
 * 返回 to the library still open. Electron offers native dialogs; the browser, which cannot see the
 * machine's files, asks for the file's path instead.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo, LibraryInfo } from '../../../../shared/domain';
import { call, messageOf } from '../../api';

export function LibraryScreen(props: {
  nativeDialogs: boolean;
  problem: string | null;
  onOpened: (info: LibraryInfo) => void;
  /** The library still open when the screen was asked for (切换项目库…), and the way back to it. */
  current?: LibraryInfo | null;
  onBack?: () => void;
}) {
  const [recent, setRecent] = useState<string[]>([]);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(props.problem);
  // A library that could not be opened, and its backups: the recovery choices.
  const [failed, setFailed] = useState<{ path: string; backups: BackupInfo[] } | null>(null);
  const current = props.current ?? null;

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
    setError(null);
    try {
      props.onOpened(await run());
    } catch (err) {
      const code = (err as { error?: { code?: string } }).error?.code;
      if (code === 'CANCELLED') return;
      setError(messageOf(err));
      if (file && (code === 'CORRUPT' || code === 'NOT_FOUND')) void offerBackups(file);
    }
  };
  const typed = path.trim();

  return (
    <section className="library-screen" data-testid="library-screen">
      <h1>重点项目工作台</h1>
      <p className="muted">打开一个项目库开始工作。项目库是一个文件，保存全部项目、年度清单和修改记录。</p>
      {current && props.onBack && (
        <p className="library-current" data-testid="library-current">
          <span>
            当前项目库：<span className="library-path-full">{current.path}</span>
          </span>
          <button className="primary" onClick={props.onBack}>
            返回
          </button>
        </p>
      )}
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
                {b.at}（{b.label}，{Math.max(1, Math.round(b.size / 1024))} KB）
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
        <>
          <div className="actions">
            <input
              aria-label="项目库文件路径"
              placeholder="项目库文件路径，例如 /home/user/重点项目库.kpw"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && typed && void attempt(() => call('library.open', { path: typed }), typed)}
            />
            <button className="primary" disabled={!typed} onClick={() => void attempt(() => call('library.open', { path: typed }), typed)}>
              打开
            </button>
            <button disabled={!typed} onClick={() => void attempt(() => call('library.create', { path: typed }))}>
              新建
            </button>
          </div>
          <p className="muted">浏览器模式：请填写项目库文件在这台电脑上的完整路径。“打开”打开已有的项目库；“新建”在该路径建立一个新的空项目库（已有文件不会被覆盖）。</p>
        </>
      )}
      <p>
        <button className="link" onClick={() => void attempt(() => call('library.openDemo', {}))}>
          打开示例项目库
        </button>
        <span className="muted">（一个城市2023、2024年的重点项目和月调度，数字与2024年重点项目新闻发布会一致，可随意试用）</span>
      </p>
      <h2>最近打开</h2>
      {recent.length > 0 ? (
        <ul className="recent" data-testid="recent-libraries">
          {recent.map((p) => (
            <li key={p}>
              <button className="link" onClick={() => void attempt(() => call('library.open', { path: p }), p)}>
                {p}
              </button>
              {p === current?.path && <span className="muted">（当前）</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="recent-libraries">
          还没有最近打开的项目库。
        </p>
      )}
    </section>
  );
}
