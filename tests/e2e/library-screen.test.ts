/**
 * 切换项目库… in browser mode (the harness), in Chromium: the same library screen as the desktop
 * app — the recent list, 打开 and 新建 by path, 示例, and 返回 to the library still open.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedPageForFile } from '../helpers/harness';

const session = servedPageForFile();

describe('the library screen in browser mode', () => {
  it('lists the recent libraries, creates and opens by path, opens the demo, and goes back to the open library', async () => {
    const page = session.page;
    const first = session.served.file;
    const screen = page.getByTestId('library-screen');
    const shownPath = () => page.locator('.appbar .library-path').textContent();
    const switchLibrary = async () => {
      await page.getByRole('button', { name: '切换项目库…' }).click();
      await expect.poll(() => screen.count()).toBe(1);
    };
    await page.getByLabel('年度', { exact: true }).selectOption('2026');

    await switchLibrary();
    expect(await screen.getByTestId('library-current').textContent()).toContain(first);
    await expect.poll(() => screen.getByTestId('recent-libraries').locator('li').allTextContents()).toEqual([`${first}（当前）`]);
    // 返回: the library as it was left, the project screen still on the year chosen.
    await screen.getByRole('button', { name: '返回' }).click();
    await expect.poll(() => screen.count()).toBe(0);
    expect(await page.getByLabel('年度', { exact: true }).inputValue()).toBe('2026');
    expect(await shownPath()).toBe(first);

    // 新建 at a typed path: a new library, opened.
    const second = path.join(session.served.dir, '第二个项目库.kpw');
    await switchLibrary();
    await screen.getByLabel('项目库文件路径').fill(second);
    await screen.getByRole('button', { name: '新建', exact: true }).click();
    await expect.poll(shownPath).toBe(second);

    // The recent list, newest first; a click opens one.
    await switchLibrary();
    // The list arrives after the screen: wait for it.
    await expect.poll(() => screen.getByTestId('recent-libraries').locator('li').allTextContents()).toEqual([`${second}（当前）`, first]);
    await screen.getByRole('button', { name: first }).click();
    await expect.poll(shownPath).toBe(first);

    // A path that does not exist: the reason, and the way back to the library still open.
    await switchLibrary();
    await screen.getByLabel('项目库文件路径').fill(path.join(session.served.dir, '没有这个.kpw'));
    await screen.getByRole('button', { name: '打开', exact: true }).click();
    await expect.poll(() => screen.getByRole('alert').textContent()).toContain('找不到项目库文件');
    await screen.getByRole('button', { name: '返回' }).click();
    await expect.poll(shownPath).toBe(first);

    // 打开示例项目库: the demo city, kept in the user-data folder like the desktop app's.
    await switchLibrary();
    await screen.getByRole('button', { name: '打开示例项目库' }).click();
    await expect.poll(shownPath, { timeout: 60_000 }).toBe(path.join(session.served.ctx.userDataDir!, '示例项目库.kpw'));
    expect(session.watched.consoleErrors).toEqual([]);
  }, 120_000);
});
