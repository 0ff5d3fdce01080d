/**
 * A library on a network file system is detected when opened (fake mountinfo texts, `mount`
 * tables and Windows UNC paths), warned about in Chinese through the contract, and the local copy
 * it offers is a real, checked copy opened in its place.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectNetworkShare, parseMountInfo, uncShare, type MountSource } from '../../electron/services/network-share';
import { contractCaller } from '../helpers/contract';
import { seedSampleProjects } from '../helpers/sample';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { linuxMounts, mountInfoText } from '../helpers/mounts';

const windows = (realPath: (f: string) => string = (f) => f): MountSource => ({ platform: 'win32', mountInfo: () => null, mountTable: () => null, realPath });

describe('network file system detection', () => {
  const text = mountInfoText([
    { at: '/mnt/项目 共享', type: 'nfs4', source: 'fgw-server:/export/项目' },
    { at: '/mnt/项目 共享/本机盘', type: 'ext4', source: '/dev/sdb1' },
    { at: '/media/smb', type: 'cifs', source: '//10.0.0.5/重点项目' },
    { at: '/home', type: 'xfs', source: '/dev/sda2' },
  ]);

  it('reads mountinfo, spaces (\\040) included', () => {
    expect(parseMountInfo(text).map((m) => [m.mountPoint, m.fsType])).toContainEqual(['/mnt/项目 共享', 'nfs4']);
  });

  it('finds the mount holding the file: the deepest one, network or not', () => {
    const mounts = linuxMounts(text);
    expect(detectNetworkShare('/mnt/项目 共享/2025/项目库.kpw', mounts)).toEqual({ kind: 'NFS4', where: 'fgw-server:/export/项目' });
    expect(detectNetworkShare('/media/smb/项目库.kpw', mounts)).toEqual({ kind: 'CIFS', where: '//10.0.0.5/重点项目' });
    expect(detectNetworkShare('/mnt/项目 共享/本机盘/项目库.kpw', mounts)).toBeNull();
    expect(detectNetworkShare('/home/分析员/项目库.kpw', mounts)).toBeNull();
    // A folder whose name merely starts like a mount point is not inside it.
    expect(detectNetworkShare('/media/smbx/项目库.kpw', mounts)).toBeNull();
    expect(detectNetworkShare('/home/x.kpw', linuxMounts(''))).toBeNull();
  });

  it('reads the macOS mount table', () => {
    const mac: MountSource = {
      platform: 'darwin',
      mountInfo: () => null,
      mountTable: () => '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n//analyst@fgw-nas/项目 on /Volumes/项目 (smbfs, nodev, nosuid, mounted by analyst)\n',
      realPath: (f) => f,
    };
    expect(detectNetworkShare('/Volumes/项目/项目库.kpw', mac)).toEqual({ kind: 'SMBFS', where: '//analyst@fgw-nas/项目' });
    expect(detectNetworkShare('/Users/analyst/项目库.kpw', mac)).toBeNull();
  });

  it('knows UNC paths and mapped network drives on Windows', () => {
    expect(uncShare('\\\\fgw-server\\重点项目\\2025\\项目库.kpw')).toEqual({ server: 'fgw-server', share: '重点项目' });
    expect(uncShare('\\\\?\\UNC\\fgw-server\\share\\项目库.kpw')).toEqual({ server: 'fgw-server', share: 'share' });
    expect(uncShare('//fgw-server/share/项目库.kpw')).toEqual({ server: 'fgw-server', share: 'share' });
    expect(uncShare('\\\\?\\C:\\库\\项目库.kpw')).toBeNull();
    expect(uncShare('\\\\.\\PhysicalDrive0')).toBeNull();
    expect(uncShare('C:\\Users\\分析员\\项目库.kpw')).toBeNull();
    expect(detectNetworkShare('\\\\fgw-server\\重点项目\\项目库.kpw', windows())).toEqual({ kind: 'Windows 共享（SMB）', where: '\\\\fgw-server\\重点项目' });
    // Z: mapped to \\fgw-server\重点项目: its real path is the UNC path.
    const mapped = windows((f) => f.replace(/^Z:/i, '\\\\fgw-server\\重点项目'));
    expect(detectNetworkShare('Z:\\2025\\项目库.kpw', mapped)?.where).toBe('\\\\fgw-server\\重点项目');
    expect(detectNetworkShare('C:\\库\\项目库.kpw', mapped)).toBeNull();
  });
});

describe('a library on a network share, through the contract', () => {
  let lib: TempLibrary;
  const { call } = contractCaller(() => lib.ctx);
  afterEach(() => lib.close());

  it('is opened with the warning in Chinese; 复制到本机 copies it (checked), opens the copy and leaves the share’s file alone', async () => {
    lib = createTempLibrary();
    seedSampleProjects(lib.ctx.library!.db, 2024, 5, 3);
    // The library's folder is an NFS mount; the user-data folder inside it is a local disk.
    lib.ctx.mounts = linuxMounts(mountInfoText([
      { at: lib.dir, type: 'nfs4', source: 'fgw-server:/export' },
      { at: path.join(lib.dir, 'userData'), type: 'ext4', source: '/dev/sda3' },
    ]));
    const share = (await call('library.open', { path: lib.file })).networkShare!;
    expect(share.kind).toBe('NFS4');
    expect(share.warning).toMatch(/网络文件系统.*NFS4：fgw-server:\/export.*文件锁不可靠.*复制到本机（.*本地副本）/);
    expect(share.localCopyFolder).toBe(path.join(lib.dir, 'userData', '本地副本'));

    const copy = await call('library.openLocalCopy', {});
    expect(copy.path).toBe(path.join(share.localCopyFolder, path.basename(lib.file)));
    expect(copy.copiedFrom).toBe(lib.file);
    expect(copy.networkShare).toBeNull();
    expect((await call('library.current', {}))?.path).toBe(copy.path);
    expect(lib.ctx.library!.db.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(5);
    // Edits go to the copy; the share's file keeps its five projects.
    await call('projects.add', { year: 2024, name: '本机副本上新增' });
    await call('library.open', { path: lib.file });
    expect(lib.ctx.library!.db.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(5);

    // A second copy never overwrites the first.
    expect(path.basename((await call('library.openLocalCopy', {})).path)).toBe('项目库-2.kpw');
  });

  it('a local library has no warning', async () => {
    lib = createTempLibrary();
    lib.ctx.mounts = linuxMounts(mountInfoText([]));
    expect((await call('library.current', {}))?.networkShare).toBeNull();
  });
});
