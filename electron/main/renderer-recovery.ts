/**
 * What the user sees when the page itself fails: a renderer that crashed or was killed (out of
 * memory, a GPU driver) would otherwise leave a blank window, and a hung one a frozen window.
 * Either way the library is safe — it lives in the main process, and every edit was committed in
 * its own transaction before the page showed it as saved — so the message says so and offers
 * 重新加载. Electron's window and dialog are passed in, so tests drive this with fakes.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions, RenderProcessGoneDetails } from 'electron';
import { WINDOW_TITLE } from './window-options';

const REASONS: Record<string, string> = {
  crashed: '界面进程崩溃',
  oom: '界面进程内存不足',
  killed: '界面进程被系统结束',
  'launch-failed': '界面进程未能启动',
  'integrity-failure': '程序文件校验失败',
  'abnormal-exit': '界面进程异常退出',
  'memory-eviction': '界面进程因内存紧张被结束',
};

const SAFE = '项目库中已保存的内容不受影响（每次修改在显示“已保存”前都已写入项目库文件）。';

/** The dialog for a renderer that is gone, or null for an ordinary close. */
export function rendererGoneDialog(details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>): MessageBoxOptions | null {
  if (details.reason === 'clean-exit') return null;
  const what = REASONS[details.reason] ?? `界面进程异常退出（${details.reason}）`;
  return {
    type: 'error',
    title: WINDOW_TITLE,
    message: `${what}，界面需要重新加载。`,
    detail: `${SAFE}正在编辑但尚未保存的单元格需要重新输入。`,
    buttons: ['重新加载', '退出'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

/** The dialog for a page that stopped answering (a long loop, a huge paste). */
export function rendererHungDialog(): MessageBoxOptions {
  return {
    type: 'warning',
    title: WINDOW_TITLE,
    message: '界面暂时没有响应。',
    detail: `可以继续等待，或重新加载界面。${SAFE}`,
    buttons: ['继续等待', '重新加载'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

/** Watch `win`'s page; ask the user, then reload it or quit. */
export function attachRendererRecovery(
  win: BrowserWindow,
  dialog: Pick<Dialog, 'showMessageBox'>,
  options: { quit(): void; log(...parts: unknown[]): void },
): void {
  let asking = false;
  const ask = async (box: MessageBoxOptions, reloadButton: number, quitButton: number | null) => {
    if (asking || win.isDestroyed()) return;
    asking = true;
    try {
      const { response } = await dialog.showMessageBox(win, box);
      if (win.isDestroyed() || win.webContents.isDestroyed()) return;
      if (response === reloadButton) win.webContents.reload();
      else if (response === quitButton) options.quit();
    } finally {
      asking = false;
    }
  };
  win.webContents.on('render-process-gone', (_event, details) => {
    options.log('界面进程异常退出：', details.reason, details.exitCode);
    const box = rendererGoneDialog(details);
    if (box) void ask(box, 0, 1);
  });
  win.webContents.on('unresponsive', () => {
    options.log('界面没有响应');
    void ask(rendererHungDialog(), 1, null);
  });
}
