/**
 * A library on a network share, in Chromium: the warning (SQLite's locking is unsafe there) shows
 * above every screen, and 复制到本机并打开副本 copies it to the folder the warning names and opens
 * the copy. The file system is told to the services as a mountinfo text (tests/helpers/mounts.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSampleProjects } from '../helpers/sample';
import { servedPageForFile } from '../helpers/harness';
import { linuxMounts, mountInfoText } from '../helpers/mounts';

const session = servedPageForFile((lib) => {
  seedSampleProjects(lib.ctx.library!.db, 2024, 4, 3);
  lib.ctx.mounts = linuxMounts(mountInfoText([
    { at: lib.dir, type: 'cifs', source: '//fgw-nas/重点项目' },
    { at: path.join(lib.dir, 'userData'), type: 'ext4', source: '/dev/sda3' },
  ]));
});

describe('a library on a network share, in Chromium', () => {
  it('warns in Chinese and works on a local copy when asked', async () => {
    const page = session.page;
    const banner = page.getByTestId('network-share-banner');
    await expect.poll(() => banner.textContent()).toMatch(/网络文件系统上（CIFS：\/\/fgw-nas\/重点项目）.*文件锁不可靠.*复制到本机（.*本地副本）/);
    // Above every screen, not only 项目库.
    await page.getByRole('button', { name: '统计分析', exact: true }).click();
    await expect.poll(() => banner.isVisible()).toBe(true);

    await banner.getByRole('button', { name: '复制到本机并打开副本' }).click();
    const copy = path.join(session.served.dir, 'userData', '本地副本', path.basename(session.served.file));
    await expect.poll(() => page.getByTestId('local-copy-banner').textContent()).toContain(`已复制到本机：${copy}`);
    await expect.poll(() => banner.count()).toBe(0);
    expect(session.served.ctx.library!.path).toBe(copy);
    await expect.poll(() => page.locator('.library-path').textContent()).toBe(copy);
    expect(session.watched.consoleErrors).toEqual([]);
  });
});
