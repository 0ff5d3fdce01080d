/**
 * The layers of ARCHITECTURE.md, enforced: shared/ imports neither Node nor the DOM nor React;
 * services, db, harness and the command-line tool never import 'electron'; the renderer never
 * imports Node or the main process. (shared/ and renderer/ also have no Node types in their
 * tsconfig, so the type-check refuses Node APIs there.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    specs.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return specs;
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|http$|https$|net$|url$|util$|crypto$|stream$|worker_threads$)/;

function offenders(dirs: string[], forbidden: (spec: string, file: string) => boolean): string[] {
  return dirs.flatMap((d) => sourceFiles(d).flatMap((f) => importsOf(f).filter((s) => forbidden(s, f)).map((s) => `${f} imports ${s}`)));
}

describe('layers', () => {
  it('finds the imports it checks (the check itself works)', () => {
    expect(importsOf('electron/services/library.ts')).toContain('node:fs');
    expect(sourceFiles('shared').length).toBeGreaterThan(3);
  });

  it('shared code imports neither Node, the DOM libraries, electron nor React', () => {
    expect(
      offenders(['shared'], (s) => NODE_BUILTINS.test(s) || s === 'electron' || s.startsWith('react') || s.startsWith('ag-grid') || s.startsWith('../electron') || s.startsWith('../renderer')),
    ).toEqual([]);
  });

  it('services, database, harness, web and command-line code never import electron', () => {
    expect(offenders(['electron/services', 'electron/db', 'electron/harness', 'electron/web', 'electron/cli'], (s) => s === 'electron' || s.startsWith('electron/') || s.includes('/main/'))).toEqual([]);
  });

  it('the renderer imports no Node module and nothing of the main process', () => {
    expect(offenders(['renderer/src'], (s) => NODE_BUILTINS.test(s) || s === 'electron' || s.includes('/electron/') || s === 'better-sqlite3')).toEqual([]);
  });

  it('all SQL lives in electron/db', () => {
    const sqlOutsideDb = ['electron/services', 'electron/harness', 'electron/cli', 'renderer/src', 'shared'].flatMap((d) =>
      sourceFiles(d).filter((f) => /\b(prepare|exec)\s*\(\s*[`'"]|\bSELECT\s+[\w*]+.*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b/.test(fs.readFileSync(path.join(ROOT, f), 'utf8'))),
    );
    expect(sqlOutsideDb).toEqual([]);
  });

  it('every database is opened through electron/db/open-database.ts (the Electron build of better-sqlite3 in development)', () => {
    const opens = ['electron', 'shared'].flatMap((d) =>
      sourceFiles(d).filter((f) => f !== path.join('electron', 'db', 'open-database.ts') && /new\s+Database\s*\(|from\s+['"]better-sqlite3['"]/.test(fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/import\s+type[^;]+;/g, ''))),
    );
    expect(opens).toEqual([]);
  });
});
