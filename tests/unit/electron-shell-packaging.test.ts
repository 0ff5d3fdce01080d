/**
 * How the Electron shell is built and packaged, tested in plain Node (see electron-shell.test.ts):
 * the layering that keeps it testable without Electron, better-sqlite3's build for Electron, and
 * electron-builder.yml (fuses, targets, what goes into app.asar).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configureNativeBinding, NATIVE_BINDING_ENV } from '../../electron/main/native-binding';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

describe('layering of the Electron shell', () => {
  it('keeps every module but the two entry points free of run-time electron imports, so they test in Node', () => {
    const files = ['electron/main', 'electron/preload'].flatMap((d) =>
      fs.readdirSync(path.join(repo, d)).filter((f) => f.endsWith('.ts')).map((f) => `${d}/${f}`),
    );
    const offenders = files.filter((f) => {
      if (f === 'electron/main/main.ts' || f === 'electron/preload/preload.ts') return false;
      const source = fs.readFileSync(path.join(repo, f), 'utf8');
      return /import\s+(?!type\b)[^;]*from\s+['"]electron['"]/.test(source) || /require\(\s*['"]electron['"]\s*\)/.test(source);
    });
    expect(offenders).toEqual([]);
  });
});

describe('better-sqlite3 for Electron', () => {
  it('points development builds at .electron-native and clears the variable in packaged builds', () => {
    const env: Record<string, string | undefined> = {};
    expect(configureNativeBinding(env, { isPackaged: false, appRoot: '/repo', exists: () => true })).toBeNull();
    expect(env[NATIVE_BINDING_ENV]).toBe(path.join('/repo', '.electron-native', 'better_sqlite3.node'));

    const hostile: Record<string, string | undefined> = { [NATIVE_BINDING_ENV]: '/tmp/evil.node' };
    expect(configureNativeBinding(hostile, { isPackaged: true, appRoot: '/app.asar' })).toBeNull();
    expect(NATIVE_BINDING_ENV in hostile).toBe(false);

    const missing: Record<string, string | undefined> = {};
    expect(configureNativeBinding(missing, { isPackaged: false, appRoot: '/repo', exists: () => false })).toContain('npm run native:electron');
    expect(NATIVE_BINDING_ENV in missing).toBe(false);
  });
});

describe('electron-builder.yml', () => {
  interface Target {
    target: string;
    arch: string[];
  }
  interface BuilderConfig {
    productName: string;
    files: string[];
    asarUnpack: string[];
    npmRebuild: boolean;
    directories: { output: string };
    electronFuses: Record<string, boolean>;
    win: { target: Target[] };
    nsis: Record<string, unknown>;
    linux: { target: Target[]; category: string };
  }
  // js-yaml comes with electron-builder; it has no typings here, hence the narrow cast.
  const load = () => {
    const yaml = require('js-yaml') as { load(text: string): unknown };
    return yaml.load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
  };

  it('flips the fuses that stop the app being used as a Node runtime', () => {
    expect(load().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('packages dist and package.json, unpacks better-sqlite3 and rebuilds it for Electron', () => {
    const config = load();
    expect(config.productName).toBe('重点项目工作台');
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['dist/**', 'package.json']);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.directories.output).toBe('release');
  });

  it('builds an assisted Chinese NSIS installer and a portable exe for Windows x64, a deb (sandbox kept everywhere) for Linux', () => {
    const config = load();
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true, language: '2052' });
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
    expect(config.linux.category).toBe('Office');
  });

  it('puts into app.asar only what the bundles do not hold: better-sqlite3 at run time, a few MB', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    // The production dependencies are exactly the bundles' externals (less electron itself).
    const externals = new Set([...pkg.scripts['build:electron']!.matchAll(/--external:(\S+)/g)].map((m) => m[1]!).filter((e) => e !== 'electron'));
    expect(new Set(Object.keys(pkg.dependencies))).toEqual(externals);
    // What electron-builder adds of node_modules: the production tree less the files config's
    // exclusions (it applies only the "!" patterns to node_modules, with minimatch, dot: true).
    const { Minimatch } = require('minimatch') as { Minimatch: new (p: string, o: object) => { match(f: string): boolean } };
    const excludes = load().files.filter((f) => f.startsWith('!')).map((f) => new Minimatch(f.slice(1), { dot: true }));
    const listed = require('node:child_process').execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repo, encoding: 'utf8' }) as string;
    const packed: { file: string; size: number }[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else {
          const rel = path.relative(repo, full).split(path.sep).join('/');
          if (!excludes.some((m) => m.match(rel))) packed.push({ file: rel, size: fs.statSync(full).size });
        }
      }
    };
    const roots = listed.trim().split('\n').slice(1);
    for (const dir of roots.filter((d) => !roots.some((other) => other !== d && d.startsWith(other + path.sep)))) walk(dir);
    const files = packed.map((p) => p.file);
    expect(files).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(files).toContain('node_modules/better-sqlite3/lib/index.js');
    expect(files.some((f) => f.startsWith('node_modules/bindings/'))).toBe(true);
    for (const gone of ['node_modules/better-sqlite3/deps/', 'node_modules/better-sqlite3/src/', 'node_modules/better-sqlite3/build/Release/obj', 'node_modules/prebuild-install/']) {
      expect(files.filter((f) => f.startsWith(gone)), gone).toEqual([]);
    }
    const megabytes = packed.reduce((sum, p) => sum + p.size, 0) / 1024 / 1024;
    expect(megabytes).toBeLessThan(6);
  });

  it('uses only keys that electron-builder knows', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled?: boolean) => unknown };
    await expect(validateConfiguration(load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('puts beside main.cjs what the packaged main process reads at run time: the chart font, its licence, resvg', async () => {
    const { execFileSync } = await import('node:child_process');
    const fsm = await import('node:fs');
    const pathm = await import('node:path');
    const repo = pathm.resolve(import.meta.dirname, '../..');
    execFileSync(process.execPath, [pathm.join(repo, 'electron/main/copy-assets.mjs')]);
    const out = pathm.join(repo, 'dist/electron');
    expect(fsm.readdirSync(pathm.join(out, 'fonts')).sort()).toEqual(['NotoSansSC-Bold-GB2312.otf', 'NotoSansSC-Regular-GB2312.otf', 'OFL.txt']);
    expect(fsm.readFileSync(pathm.join(out, 'resvg.wasm')).subarray(0, 4).toString('hex')).toBe('0061736d'); // \0asm
    // main.ts names exactly these (the packaged app reads them from inside its archive).
    const main = fsm.readFileSync(pathm.join(repo, 'electron/main/main.ts'), 'utf8');
    expect(main).toContain("wasmFile: path.join(__dirname, 'resvg.wasm'), fontDir: path.join(__dirname, 'fonts')");
  });
});
