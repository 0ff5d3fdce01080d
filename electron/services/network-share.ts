/**
 * A library on a network file system (NFS, SMB/CIFS, a Windows share): SQLite's file locking is
 * not reliable there (../shared/engineering/RELIABILITY.md; sqlite.org/lockingv3.html §6), so two
 * computers — or the app and kpw on two computers — may both write and damage the file. Opening
 * such a library is allowed, with a warning in Chinese and the choice to work on a local copy.
 *
 * Where the file lives is asked of the system: on Linux the mount holding the file in
 * /proc/self/mountinfo (its file-system type); on macOS and the BSDs the `mount` table (best
 * effort); on Windows a UNC path (\\server\share\…), also when a mapped drive letter resolves to
 * one. The sources are a parameter (ServiceContext.mounts), so the detection is tested with a fake
 * mountinfo text and UNC paths.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NetworkShare } from '../../shared/domain';

export interface MountSource {
  platform: NodeJS.Platform;
  /** Linux: the text of /proc/self/mountinfo; null where there is none. */
  mountInfo(): string | null;
  /** macOS/BSD: the output of `mount`; null where it cannot be had. */
  mountTable(): string | null;
  /** The file's real path (links resolved; on Windows a mapped network drive may resolve to its UNC path). */
  realPath(file: string): string;
}

export const systemMounts: MountSource = {
  platform: process.platform,
  mountInfo: () => readOrNull('/proc/self/mountinfo'),
  mountTable: () => {
    const r = spawnSync('mount', [], { encoding: 'utf8', timeout: 2000 });
    return r.status === 0 ? r.stdout : null;
  },
  realPath: (file) => {
    try {
      return fs.realpathSync.native(file);
    } catch {
      return path.resolve(file);
    }
  },
};

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** File-system types whose locks SQLite cannot trust (kernel and FUSE names). */
const NETWORK_TYPES = /^(nfs4?|cifs|smb[23]?|smbfs|ncpfs|afs|coda|ceph|glusterfs|lustre|gpfs|9p|davfs|webdav|fuse\.(sshfs|davfs2?|rclone|glusterfs|cephfs|smbnetfs|s3fs))$/i;

interface Mount {
  mountPoint: string;
  fsType: string;
  source: string;
}

/** /proc/self/mountinfo: "id parent major:minor root mountpoint options [optional…] - fstype source superoptions". */
export function parseMountInfo(text: string): Mount[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 7 || dash < 6 || dash + 2 >= fields.length) continue;
    mounts.push({ mountPoint: unescape(fields[4]!), fsType: fields[dash + 1]!, source: unescape(fields[dash + 2]!) });
  }
  return mounts;
}

/** `mount` on macOS/BSD: "//user@server/share on /Volumes/share (smbfs, nodev, …)". */
export function parseMountTable(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const m = /^(.+?) on (.+?) \(([^,)]+)/.exec(line.trim());
    if (m) mounts.push({ source: m[1]!, mountPoint: m[2]!, fsType: m[3]! });
  }
  return mounts;
}

/** The mount holding `file`: the longest mount point that is the file's path or one of its folders. */
function mountOf(file: string, mounts: Mount[]): Mount | undefined {
  const inside = (dir: string) => dir === '/' || file === dir || file.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
  // The last of equally long mount points is the one on top (mounted later).
  return mounts.filter((m) => inside(m.mountPoint)).reduce<Mount | undefined>((best, m) => (!best || m.mountPoint.length >= best.mountPoint.length ? m : best), undefined);
}

/** A UNC path (\\server\share\…, also \\?\UNC\server\share\…), as its server and share. */
export function uncShare(file: string): { server: string; share: string } | null {
  const m = /^(?:\\\\\?\\UNC\\|\\\\(?![?.]\\))([^\\/]+)[\\/]([^\\/]+)/i.exec(file.replace(/\//g, '\\'));
  return m ? { server: m[1]!, share: m[2]! } : null;
}

/** Whether `file` is on a network file system, and which; null when it is local (or unknown). */
export function detectNetworkShare(file: string, source: MountSource): { kind: string; where: string } | null {
  if (source.platform === 'win32') {
    const unc = uncShare(file) ?? uncShare(source.realPath(file));
    return unc ? { kind: 'Windows 共享（SMB）', where: `\\\\${unc.server}\\${unc.share}` } : null;
  }
  const text = source.platform === 'linux' ? source.mountInfo() : source.mountTable();
  if (!text) return null;
  const mounts = source.platform === 'linux' ? parseMountInfo(text) : parseMountTable(text);
  const mount = mountOf(source.realPath(file), mounts);
  if (!mount || !NETWORK_TYPES.test(mount.fsType)) return null;
  return { kind: mount.fsType.toUpperCase(), where: mount.source };
}

/** Where "work on a local copy" puts the copy: the user's data folder, else the home folder. */
export function localCopyFolder(userDataDir: string | null): string {
  return userDataDir ? path.join(userDataDir, '本地副本') : path.join(os.homedir(), '重点项目工作台-本地副本');
}

/** The warning shown when such a library is opened, with where a local copy would go. */
export function networkShareOf(file: string, source: MountSource, userDataDir: string | null): NetworkShare | null {
  const found = detectNetworkShare(file, source);
  if (!found) return null;
  const folder = localCopyFolder(userDataDir);
  return {
    kind: found.kind,
    where: found.where,
    localCopyFolder: folder,
    warning:
      `项目库位于网络文件系统上（${found.kind}：${found.where}）。SQLite 在网络共享上的文件锁不可靠，` +
      '两台电脑或两个程序同时修改可能丢失修改甚至损坏项目库。' +
      `建议复制到本机（${folder}）后在副本上工作，用完再复制回共享文件夹。`,
  };
}
