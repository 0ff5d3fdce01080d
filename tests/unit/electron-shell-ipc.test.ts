/**
 * The Electron shell's doors, tested in plain Node with fakes for Electron's objects (see
 * electron-shell.test.ts): the application menu, the native dialogs, IPC in the main process
 * (senders, dispatch, one call at a time, errors as values) and the preload bridge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMain, IpcRenderer, IpcRendererEvent, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS, IPC_COMMAND, IPC_INVOKE, METHODS, type Command, type Method } from '../../shared/api';
import type { ApiResult } from '../../shared/result';
import { createContext, type Dialogs, type ServiceContext } from '../../electron/services/context';
import { closeLibrary, createLibrary } from '../../electron/services/library';
import { createDialogs, withLibraryExtension } from '../../electron/main/dialogs';
import { callFromMain, changesLibrary, createCallQueue, handleInvoke, registerIpc, reportLibraryResult } from '../../electron/main/ipc';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu';
import { createBridge } from '../../electron/preload/bridge';
import { IPC_COMMAND as PRELOAD_IPC_COMMAND, IPC_INVOKE as PRELOAD_IPC_INVOKE, PRELOAD_COMMANDS, PRELOAD_METHODS } from '../../electron/preload/contract-names';
import { tempDir } from '../helpers/library';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('application menu', () => {
  function actions() {
    return {
      createLibrary: vi.fn<() => void>(),
      openLibrary: vi.fn<() => void>(),
      openRecent: vi.fn<(file: string) => void>(),
      openDemo: vi.fn<() => void>(),
      sendCommand: vi.fn<(command: Command) => void>(),
      quit: vi.fn<() => void>(),
      about: vi.fn<() => void>(),
    } satisfies MenuActions;
  }
  const plain = (label: string | undefined) => (label ?? '').replace(/\(&\w\)$/, '');
  const find = (items: MenuItemConstructorOptions[], label: string) => {
    const item = items.find((i) => plain(i.label) === label);
    if (!item) throw new Error(`no menu item ${label}`);
    return item;
  };
  const submenu = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

  it('has 文件, 编辑, 视图 and 帮助', () => {
    const template = buildMenuTemplate({ recent: [], isPackaged: true, actions: actions() });
    expect(template.map((i) => plain(i.label))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('sends undo and redo to the renderer, which decides between the editor and the library', () => {
    const a = actions();
    const edit = submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '编辑'));
    const undo = find(edit, '撤销');
    const redo = find(edit, '重做');
    expect(undo.accelerator).toBe('CmdOrCtrl+Z');
    expect(redo.accelerator).toBe('CmdOrCtrl+Y');
    expect(undo.role).toBeUndefined();
    click(undo);
    click(redo);
    expect(a.sendCommand.mock.calls).toEqual([['history.undo'], ['history.redo']]);
    expect(['剪切', '复制', '粘贴', '全选'].map((l) => find(edit, l).role)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('sends the file menu’s import and export to the renderer', () => {
    const a = actions();
    const file = submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '文件'));
    for (const label of ['导入项目清单…', '导入月调度…', '导出项目清单…']) click(find(file, label));
    expect(a.sendCommand.mock.calls).toEqual([['import.projects'], ['import.progress'], ['export.projects']]);
    click(find(file, '打开示例项目库'));
    expect(a.openDemo).toHaveBeenCalledOnce();
  });

  it('opens, creates and reopens libraries through the callbacks', () => {
    const a = actions();
    const file = submenu(find(buildMenuTemplate({ recent: ['D:\\项目\\2025.kpw', '/home/a/R&D.kpw'], isPackaged: true, actions: a }), '文件'));
    click(find(file, '新建项目库…'));
    click(find(file, '打开项目库…'));
    click(find(file, '退出'));
    expect([a.createLibrary, a.openLibrary, a.quit].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
    const recent = submenu(find(file, '最近打开'));
    expect(recent.map((i) => i.label)).toEqual(['1  D:\\项目\\2025.kpw', '2  /home/a/R&&D.kpw']);
    click(recent[1]!);
    expect(a.openRecent).toHaveBeenCalledWith('/home/a/R&D.kpw');

    const empty = submenu(find(submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '文件')), '最近打开'));
    expect(empty).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('offers 开发者工具 only in development, and 关于 in 帮助', () => {
    const a = actions();
    const view = (isPackaged: boolean) => submenu(find(buildMenuTemplate({ recent: [], isPackaged, actions: a }), '视图'));
    expect(view(true).map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(view(true).some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(find(view(false), '开发者工具').role).toBe('toggleDevTools');
    click(find(submenu(find(buildMenuTemplate({ recent: [], isPackaged: true, actions: a }), '帮助')), '关于重点项目工作台'));
    expect(a.about).toHaveBeenCalled();
  });
});

describe('native dialogs', () => {
  type OpenOptions = { title?: string; buttonLabel?: string; filters?: { name: string; extensions: string[] }[]; properties?: string[]; defaultPath?: string };

  function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
    const calls: { kind: 'open' | 'save'; parent: unknown; options: OpenOptions }[] = [];
    const record = (kind: 'open' | 'save') => (a: unknown, b?: unknown) => {
      const [parent, options] = b === undefined ? [null, a] : [a, b];
      calls.push({ kind, parent, options: options as OpenOptions });
      return Promise.resolve({ canceled: answer.canceled, filePaths: answer.filePaths ?? [], filePath: answer.filePath ?? '' });
    };
    return { dialog: { showOpenDialog: record('open'), showSaveDialog: record('save') }, calls };
  }
  const make = (fake: ReturnType<typeof fakeDialog>, parent: unknown = null) =>
    createDialogs(fake.dialog as unknown as Parameters<typeof createDialogs>[0], { parent: () => parent as never, defaultDir: () => '/home/u/文档' });

  it('asks for a .kpw library in Chinese and returns the chosen file', async () => {
    const fake = fakeDialog({ canceled: false, filePaths: ['/home/u/文档/2025.kpw'] });
    const window = { id: 1 };
    expect(await make(fake, window).chooseLibraryToOpen()).toBe('/home/u/文档/2025.kpw');
    const { options, parent } = fake.calls[0]!;
    expect(parent).toBe(window);
    expect(options.title).toBe('打开项目库');
    expect(options.buttonLabel).toBe('打开');
    expect(options.filters).toEqual([
      { name: '项目库', extensions: ['kpw'] },
      { name: '所有文件', extensions: ['*'] },
    ]);
    expect(options.properties).toEqual(['openFile']);
  });

  it('returns null when the user cancels', async () => {
    const fake = fakeDialog({ canceled: true });
    expect(await make(fake).chooseLibraryToOpen()).toBeNull();
    expect(await make(fake).chooseLibraryToCreate()).toBeNull();
  });

  it('proposes 重点项目库.kpw for a new library and adds .kpw to a bare name', async () => {
    const fake = fakeDialog({ canceled: false, filePath: '/home/u/文档/2026年项目' });
    expect(await make(fake).chooseLibraryToCreate()).toBe('/home/u/文档/2026年项目.kpw');
    const { options } = fake.calls[0]!;
    expect(options.title).toBe('新建项目库');
    expect(options.buttonLabel).toBe('新建');
    expect(options.defaultPath).toBe(path.join('/home/u/文档', '重点项目库.kpw'));
    expect(withLibraryExtension('/a/b.kpw')).toBe('/a/b.kpw');
    expect(withLibraryExtension('/a/b.db')).toBe('/a/b.db');
  });
});

describe('IPC', () => {
  let dir: string;
  let ctx: ServiceContext;
  let file: string;
  let dialogs: Dialogs;
  const trusted = 'app://bundle/index.html';
  const silent = () => {};

  beforeEach(() => {
    dir = tempDir('kpw-ipc-');
    file = path.join(dir, '项目库.kpw');
    dialogs = { chooseLibraryToOpen: async () => null, chooseLibraryToCreate: async () => null, chooseExportPath: async () => null };
    ctx = createContext({ userDataDir: path.join(dir, 'userData'), shell: 'electron', version: '9.9.9', dialogs });
    createLibrary(ctx, file);
  });
  afterEach(() => {
    closeLibrary(ctx);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dispatches a valid call from the bundle', async () => {
    expect(await handleInvoke(ctx, trusted, 'app.info', {})).toEqual({ ok: true, value: { version: '9.9.9', shell: 'electron', nativeDialogs: true } });
    const current = await handleInvoke(ctx, trusted, 'library.current', {});
    expect(current.ok && (current.value as { path: string }).path).toBe(file);
  });

  it('refuses an untrusted sender as a value, before any side effect', async () => {
    const other = path.join(dir, 'other.kpw');
    for (const sender of ['https://example.com/', 'file:///tmp/x.html', null, undefined]) {
      const result = await handleInvoke(ctx, sender, 'library.create', { path: other }, silent);
      expect(result.ok, String(sender)).toBe(false);
      expect(!result.ok && result.error.code).toBe('UNSUPPORTED');
    }
    expect(fs.existsSync(other)).toBe(false);
    expect(ctx.library?.path).toBe(file);
  });

  it('refuses unknown methods and bad arguments as values', async () => {
    for (const method of ['fs.readFile', '__proto__', 'constructor', 42, null]) {
      const result = await handleInvoke(ctx, trusted, method, {});
      expect(result, String(method)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await handleInvoke(ctx, trusted, 'projects.list', { year: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('never sends a stack trace: an unexpected failure becomes a Chinese INTERNAL error', async () => {
    dialogs.chooseLibraryToOpen = async () => {
      throw new Error('boom at /secret/path/dialogs.ts:12:3');
    };
    const logged: unknown[] = [];
    const result = await handleInvoke(ctx, trusted, 'library.openWithDialog', {}, (err) => logged.push(err));
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '程序内部错误，操作未完成。' } });
    expect(JSON.stringify(result)).not.toMatch(/boom|secret|\.ts:/);
    expect(logged).toHaveLength(1);
  });

  it('wires ipcMain.handle with the sender frame read from the event', async () => {
    let handler: ((event: unknown, method: unknown, args: unknown) => Promise<ApiResult<unknown>>) | undefined;
    let channel = '';
    const ipcMain = { handle: (name: string, h: typeof handler) => ((channel = name), (handler = h)) };
    const after: unknown[] = [];
    registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle'>, ctx, createCallQueue(), { log: silent, afterCall: (method) => after.push(method) });
    expect(channel).toBe(IPC_INVOKE);
    expect(await handler!({ senderFrame: { url: trusted } }, 'history.state', {})).toMatchObject({ ok: true });
    expect(await handler!({ senderFrame: null }, 'history.state', {})).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await handler!({ senderFrame: { url: 'https://example.com/' } }, 'history.state', {})).toMatchObject({ ok: false });
    expect(after).toEqual(['history.state', 'history.state', 'history.state']);
  });

  it('runs calls one at a time, in order, and survives a failing one', async () => {
    const queue = createCallQueue();
    const events: string[] = [];
    let release!: () => void;
    const first = queue(async () => {
      events.push('first start');
      await new Promise<void>((r) => (release = r));
      events.push('first end');
    });
    const failing = queue(async () => {
      events.push('second');
      throw new Error('x');
    });
    const third = queue(async () => events.push('third'));
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual(['first start']);
    release();
    await first;
    await expect(failing).rejects.toThrow('x');
    await third;
    expect(events).toEqual(['first start', 'first end', 'second', 'third']);
  });

  it('reports menu results: reload on success, message on failure, nothing on cancel', async () => {
    const ui = { changed: vi.fn(), showError: vi.fn() };
    const queue = createCallQueue();
    reportLibraryResult(await callFromMain(ctx, queue, 'library.openWithDialog', {}, silent), ui);
    expect(ui.changed).not.toHaveBeenCalled();
    expect(ui.showError).not.toHaveBeenCalled();

    reportLibraryResult(await callFromMain(ctx, queue, 'library.open', { path: path.join(dir, '不存在.kpw') }, silent), ui);
    expect(ui.showError).toHaveBeenCalledWith(expect.stringContaining('找不到项目库文件'));

    const result = await callFromMain(ctx, queue, 'library.open', { path: file }, silent);
    reportLibraryResult(result, ui);
    expect(ui.changed).toHaveBeenCalledTimes(1);
    expect(changesLibrary('library.open', result)).toBe(true);
    expect(changesLibrary('library.current', result)).toBe(false);
  });
});

describe('preload bridge', () => {
  type Listener = (event: IpcRendererEvent, ...args: unknown[]) => void;

  function fakeIpcRenderer(reply: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'done' })) {
    const listeners = new Map<string, Set<Listener>>();
    const invoke = vi.fn(reply);
    const ipc = {
      invoke,
      on(channel: string, listener: Listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
        return ipc;
      },
      removeListener(channel: string, listener: Listener) {
        listeners.get(channel)?.delete(listener);
        return ipc;
      },
    };
    const emit = (channel: string, ...args: unknown[]) => {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the ipcRenderer itself' } as unknown as IpcRendererEvent, ...args);
    };
    return { ipc: ipc as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>, invoke, emit, listeners };
  }

  it('exposes invoke and onCommand, nothing else', () => {
    expect(Object.keys(createBridge(fakeIpcRenderer().ipc)).sort()).toEqual(['invoke', 'onCommand']);
  });

  it('sends contract calls over the invoke channel and returns the main process answer', async () => {
    const fake = fakeIpcRenderer();
    expect(await createBridge(fake.ipc).invoke('projects.list', { year: 2025 })).toEqual({ ok: true, value: 'done' });
    expect(fake.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'projects.list', { year: 2025 });
  });

  it('refuses a name outside the contract without asking the main process', async () => {
    const fake = fakeIpcRenderer();
    const result = await createBridge(fake.ipc).invoke('fs.readFile' as Method, {} as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC into an error value', async () => {
    const fake = fakeIpcRenderer(() => Promise.reject(new Error('An object could not be cloned.')));
    expect(await createBridge(fake.ipc).invoke('history.state', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '与主程序通信失败，操作未完成。' },
    });
  });

  it('passes only known command names to listeners, without the IPC event, and stops on unsubscribe', () => {
    const fake = fakeIpcRenderer();
    const received: unknown[][] = [];
    const stop = createBridge(fake.ipc).onCommand((...args) => received.push(args));
    fake.emit(IPC_COMMAND, 'history.undo');
    fake.emit(IPC_COMMAND, 'library.changed');
    fake.emit(IPC_COMMAND, 'shell.openExternal');
    fake.emit(IPC_COMMAND, { toString: () => 'history.undo' });
    fake.emit('other-channel', 'history.redo');
    expect(received).toEqual([['history.undo'], ['library.changed']]);
    stop();
    fake.emit(IPC_COMMAND, 'history.redo');
    expect(received).toHaveLength(2);
    expect(fake.listeners.get(IPC_COMMAND)?.size).toBe(0);
  });

  it('knows exactly the contract’s methods, commands and channels', () => {
    expect([...PRELOAD_METHODS].sort()).toEqual([...METHODS].sort());
    expect([...PRELOAD_COMMANDS].sort()).toEqual([...COMMANDS].sort() as Command[]);
    expect([PRELOAD_IPC_INVOKE, PRELOAD_IPC_COMMAND]).toEqual([IPC_INVOKE, IPC_COMMAND]);
  });

  it('bundles into a small script that requires only electron (a sandboxed preload can load nothing else)', async () => {
    const esbuild = await import('esbuild');
    const out = await esbuild.build({
      entryPoints: [path.join(repo, 'electron/preload/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect([...new Set(code.match(/require\(["'][^"']+["']\)/g))]).toEqual(['require("electron")']);
    expect(code.length).toBeLessThan(20_000);
  });
});
