import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibraryFile, openLibraryFile } from '../../electron/db/connection';
import { seedDefaultLists, readLists } from '../../electron/db/lists';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { tempDir } from '../helpers/library';

const dirs: string[] = [];
function scratch(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function schemaOf(db: Database.Database): string {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    sql: string;
  }[];
  return rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n') + '\n';
}

describe('library database', () => {
  it('migrates an empty file to the schema snapshot', async () => {
    const file = path.join(scratch(), 'a.kpw');
    const lib = createLibraryFile(file, seedDefaultLists);
    expect(lib.schemaVersion).toBe(LATEST_VERSION);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    await expect(schemaOf(lib.db)).toMatchFileSnapshot('./__snapshots__/schema.sql');
    lib.db.close();
  });

  it('starts with the default categories, lead departments and tags of the glossary', () => {
    const lib = createLibraryFile(path.join(scratch(), 'a.kpw'), seedDefaultLists);
    const lists = readLists(lib.db);
    expect(lists.categories.map((c) => `${c.name}:${c.leadDepartment}`)).toEqual([
      '基础设施及公共服务:发展改革委',
      '科技创新:科技局',
      '工业:工业和信息化局',
      '城建:住房城乡建设局',
      '乡村振兴:农业农村局',
      '海洋产业:海洋发展局',
    ]);
    expect(lists.tags.map((t) => t.name)).toContain('十强产业');
    lib.db.close();
  });

  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout on a reopened file', async () => {
    const file = path.join(scratch(), 'a.kpw');
    createLibraryFile(file, seedDefaultLists).db.close();
    const lib = await openLibraryFile(file);
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(lib.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(lib.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    lib.db.close();
  });

  it('refuses to create over an existing file', () => {
    const file = path.join(scratch(), 'a.kpw');
    fs.writeFileSync(file, 'precious');
    expect(() => createLibraryFile(file, seedDefaultLists)).toThrow(/已存在/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
  });

  it('refuses a missing or zero-length file without creating anything', async () => {
    const dir = scratch();
    await expect(openLibraryFile(path.join(dir, 'gone.kpw'))).rejects.toThrow(/找不到/);
    expect(fs.existsSync(path.join(dir, 'gone.kpw'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'empty.kpw'), '');
    await expect(openLibraryFile(path.join(dir, 'empty.kpw'))).rejects.toThrow(/空文件/);
    expect(fs.statSync(path.join(dir, 'empty.kpw')).size).toBe(0);
  });

  it('refuses a file that is not a library and leaves it as it was', async () => {
    const file = path.join(scratch(), 'x.kpw');
    const bytes = Buffer.from('PK\u0003\u0004 this is a spreadsheet, not a database'.repeat(100));
    fs.writeFileSync(file, bytes);
    await expect(openLibraryFile(file)).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('detects a damaged page with quick_check and leaves the file as it was', async () => {
    const file = path.join(scratch(), 'a.kpw');
    const lib = createLibraryFile(file, seedDefaultLists);
    const insert = lib.db.prepare("INSERT INTO projects (name, created_at, updated_at) VALUES (?, 'x', 'x')");
    for (let i = 0; i < 2000; i++) insert.run(`项目${i}`.repeat(5));
    const rootPage = lib.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'projects'").pluck().get() as number;
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    lib.db.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the root page of the projects table (pages are numbered from 1).
    bytes.fill(0x5a, pageSize * (rootPage - 1), pageSize * (rootPage - 1) + 200);
    fs.writeFileSync(file, bytes);
    await expect(openLibraryFile(file)).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('detects a truncated file (half of it lost) and leaves it as it was', async () => {
    const file = path.join(scratch(), 't.kpw');
    const lib = createLibraryFile(file, seedDefaultLists);
    const insert = lib.db.prepare("INSERT INTO projects (name, created_at, updated_at) VALUES (?, 'x', 'x')");
    for (let i = 0; i < 2000; i++) insert.run(`项目${i}`.repeat(5));
    lib.db.pragma('wal_checkpoint(TRUNCATE)');
    lib.db.close();
    const whole = fs.readFileSync(file);
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    fs.writeFileSync(file, truncated);
    await expect(openLibraryFile(file)).rejects.toMatchObject({ code: 'CORRUPT' });
    expect(fs.readFileSync(file).equals(truncated)).toBe(true);
  });

  it('opens a library from a newer version read-only', async () => {
    const file = path.join(scratch(), 'a.kpw');
    const lib = createLibraryFile(file, seedDefaultLists);
    lib.db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    lib.db.close();
    const reopened = await openLibraryFile(file);
    expect(reopened.readOnly).toBe(true);
    expect(reopened.readOnlyReason).toMatch(/较新版本/);
    expect(() => reopened.db.prepare("INSERT INTO districts (name) VALUES ('x')").run()).toThrow();
    reopened.db.close();
  });

  it('backs up before migrating, and a failed migration leaves the old version usable', async () => {
    const dir = scratch();
    const file = path.join(dir, 'a.kpw');
    const lib = createLibraryFile(file, seedDefaultLists);
    lib.db.prepare("INSERT INTO districts (name) VALUES ('荣成市')").run();
    lib.db.close();
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds-a-column', up: 'ALTER TABLE districts ADD COLUMN note TEXT;' },
      { version: LATEST_VERSION + 2, name: 'throws-midway', up: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' },
    ];
    await expect(openLibraryFile(file, { migrations: broken })).rejects.toThrow(/升级失败/);
    const folder = `${file}.备份`;
    const backups = fs.readdirSync(folder);
    expect(backups).toEqual([expect.stringMatching(new RegExp(`^\\d{8}-\\d{6}-迁移前-第${LATEST_VERSION + 2}版\\.kpw$`))]);
    const backup = new Database(path.join(folder, backups[0]!), { readonly: true });
    expect(backup.prepare('SELECT name FROM districts').pluck().all()).toEqual(['荣成市']);
    backup.close();
    const after = await openLibraryFile(file);
    expect(after.schemaVersion).toBe(LATEST_VERSION);
    expect(after.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    expect(after.db.prepare('SELECT name FROM districts').pluck().all()).toEqual(['荣成市']);
    after.db.close();

    const good: Migration[] = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'adds-a-column', up: 'ALTER TABLE districts ADD COLUMN note TEXT;' }];
    const migrated = await openLibraryFile(file, { migrations: good });
    expect(migrated.schemaVersion).toBe(LATEST_VERSION + 1);
    expect(migrated.backupPath).toMatch(/\.kpw\.备份[/\\]\d{8}-\d{6}(-\d+)?-迁移前-第\d+版\.kpw$/);
    // Nothing but the library (with its WAL files) and the backup folder: no temporary copy or its -wal/-shm.
    expect(fs.readdirSync(dir).filter((f) => !/^a\.kpw(-wal|-shm|\.备份)?$/.test(f))).toEqual([]);
    expect(fs.readdirSync(`${file}.备份`).filter((f) => !/\.kpw$/.test(f))).toEqual([]);
    migrated.db.close();
  });
});
