/**
 * The warning for a library on a network share (SQLite's locking is unsafe there), with the
 * choice to work on a local copy: copied to the folder the warning names and opened; the banner
 * then says where the copy is and where it came from.
 */
import { useState } from 'react';
import type { LibraryInfo } from '../../../../shared/domain';
import { call, messageOf } from '../../api';

export function NetworkShareBanner(props: { library: LibraryInfo; onOpened: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ to: string; from: string } | null>(null);
  const share = props.library.networkShare;

  if (copied && copied.to === props.library.path) {
    return (
      <div className="banner notice" role="status" data-testid="local-copy-banner">
        已复制到本机：{copied.to}（原文件 {copied.from} 未改动；用完请复制回共享文件夹）
      </div>
    );
  }
  if (!share) return null;
  const copy = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const info = await call('library.openLocalCopy', {});
      setCopied({ to: info.path, from: info.copiedFrom });
      props.onOpened();
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner network-share" role="alert" data-testid="network-share-banner">
      <span>{share.warning}</span>{' '}
      <button onClick={() => void copy()} disabled={busy}>
        {busy ? '正在复制…' : '复制到本机并打开副本'}
      </button>
      {problem && <span className="error"> {problem}</span>}
    </div>
  );
}
