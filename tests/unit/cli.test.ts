/** The kpw command as a user runs it: real files, exit codes, messages. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/services/spreadsheet/xlsx-reader';
import { tempDir } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
let dir: string;
const kpw = (...args: string[]) => spawnSync(process.execPath, [KPW, ...args], { encoding: 'utf8', cwd: dir });

beforeEach(() => {
  dir = tempDir('kpw-cli-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each test runs kpw several times as whole processes; a loaded machine needs more than the default.
describe('kpw', { timeout: 120_000 }, () => {
  it('prints help, and exits 2 on wrong usage', () => {
    const help = kpw('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/kpw init --db/);
    expect(help.stdout).toMatch(/kpw import projects/);
    const wrong = kpw('frobnicate');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/未知命令“frobnicate”/);
    expect(kpw('init').status).toBe(2);
  });

  it('init creates a library and refuses to overwrite one (exit 1, file untouched)', () => {
    expect(kpw('init', '--db', 'a.kpw').status).toBe(0);
    const before = fs.readFileSync(path.join(dir, 'a.kpw'));
    const again = kpw('init', '--db', 'a.kpw');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已存在/);
    expect(again.stderr).not.toMatch(/at .*\.ts/);
    expect(fs.readFileSync(path.join(dir, 'a.kpw')).equals(before)).toBe(true);
  });

  it('imports a project list, refuses a bad one with sheet!cell reasons, and exports it back', async () => {
    expect(kpw('init', '--db', 'lib.kpw').status).toBe(0);
    fs.writeFileSync(
      path.join(dir, 'good.xlsx'),
      await buildWorkbook([{ name: '2025年', rows: [['2025年重点项目'], ['项目名称', '所在区市', '总投资（亿元）', '年度计划投资'], ['=SUM(A1)危险', '荣成市', 1.5, '2,000'], ['海堤修复', '高区', 0.12345678, 300.25]] }]),
    );
    fs.writeFileSync(path.join(dir, 'bad.xlsx'), await buildWorkbook([{ name: '清单', rows: [['项目名称', '总投资'], ['甲', '很多'], ['乙', -1]] }]));

    const dry = kpw('import', 'projects', 'good.xlsx', '--db', 'lib.kpw', '--year', '2025', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/未写入.*新增2个/);

    const bad = kpw('import', 'projects', 'bad.xlsx', '--db', 'lib.kpw', '--year', '2025');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^清单!B2: 总投资：“很多”不是有效的金额$/m);
    expect(bad.stderr).toMatch(/^清单!B3: 总投资：金额不能为负数$/m);

    const good = kpw('import', 'projects', 'good.xlsx', '--db', 'lib.kpw', '--year', '2025');
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/新增2个/);

    const out = kpw('export', 'projects', '--db', 'lib.kpw', '--year', '2025', '--out', 'out.xlsx');
    expect(out.status, out.stderr).toBe(0);
    const sheet = readXlsx(fs.readFileSync(path.join(dir, 'out.xlsx'))).sheets[0]!;
    const header = sheet.rows.find((r) => r.cells.some((c) => c?.t === 's' && c.v === '项目名称'))!;
    const nameCol = header.cells.findIndex((c) => c?.t === 's' && c.v === '项目名称');
    const totalCol = header.cells.findIndex((c) => c?.t === 's' && c.v === '总投资（万元）');
    const data = sheet.rows.filter((r) => r.row > header.row);
    // Formula-like text keeps its value (guarded by its cell style's quote prefix); amounts are exact numbers in 万元.
    expect(data.map((r) => [r.cells[nameCol], r.cells[totalCol]])).toEqual([
      [{ t: 's', v: '=SUM(A1)危险' }, { t: 'n', v: 15000, text: '15000' }],
      [{ t: 's', v: '海堤修复' }, { t: 'n', v: 1234.5678, text: '1234.5678' }],
    ]);

    // Round trip: the export imports back as unchanged, into a new library too, and exports the same again.
    const back = kpw('import', 'projects', 'out.xlsx', '--db', 'lib.kpw', '--year', '2025', '--dry-run');
    expect(back.status, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/新增0个，更新0个，无变化2个/);
    expect(kpw('init', '--db', 'copy.kpw').status).toBe(0);
    expect(kpw('import', 'projects', 'out.xlsx', '--db', 'copy.kpw', '--year', '2025').status).toBe(0);
    expect(kpw('export', 'projects', '--db', 'copy.kpw', '--year', '2025', '--out', 'out2.xlsx').status).toBe(0);
    const cells = (file: string) => readXlsx(fs.readFileSync(path.join(dir, file))).sheets[0]!.rows.map((r) => r.cells);
    expect(cells('out2.xlsx')).toEqual(cells('out.xlsx'));
  });

  it('prints the statistics object of STATISTICS.md with amounts in 万元', async () => {
    expect(kpw('init', '--db', 's.kpw').status).toBe(0);
    fs.writeFileSync(
      path.join(dir, 'list.xlsx'),
      await buildWorkbook([{ name: '清单', rows: [['项目名称', '项目类别', '项目级别', '建设性质', '所在区市', '总投资（亿元）', '年度计划投资（万元）'], ['甲', '工业', '省重点', '新建', '荣成市', 12.5, 1234.5678], ['乙', '城建', '县重点', '续建', '高区', 0.8, 1000]] }]),
    );
    fs.writeFileSync(path.join(dir, '8.xlsx'), await buildWorkbook([{ name: '8月', rows: [['项目名称', '1-8月完成投资', '是否开工', '存在问题'], ['甲', 617.2839, '是', '用地指标未落实'], ['乙', 400, '是', '无']] }]));
    expect(kpw('import', 'projects', 'list.xlsx', '--db', 's.kpw', '--year', '2024').status).toBe(0);
    expect(kpw('import', 'progress', '8.xlsx', '--db', 's.kpw', '--year', '2024', '--month', '8').status).toBe(0);
    const r = kpw('stats', '--db', 's.kpw', '--year', '2024', '--month', '8', '--json');
    expect(r.status, r.stderr).toBe(0);
    const st = JSON.parse(r.stdout);
    expect(st).toMatchObject({ year: 2024, month: 8, unit: '万元', previous: null });
    expect(st.overall).toMatchObject({
      projects: 2, newProjects: 1, continuedProjects: 1, totalInvestment: 133000, annualPlan: 2234.5678, completedToDate: 1017.2839,
      startedNew: 1, resumed: 1, newStartRate: 1, resumeRate: 1, startRate: 1, unreported: 0,
    });
    expect(st.overall.completionRate).toBeCloseTo(1017.2839 / 2234.5678, 12);
    // August's sheet, imported later, counts its problem for August.
    expect(st.problems).toEqual({ total: 1, open: 1, solved: 0, projects: 1 });
    expect(st.byLevel.map((l: { key: string; projects: number }) => [l.key, l.projects])).toEqual([['province', 1], ['city', 0], ['county', 1]]);
    expect(st.bySize.map((b: { key: string; projects: number }) => [b.key, b.projects])).toEqual([['>=30亿', 0], ['10-30亿', 1], ['1-10亿', 0], ['<1亿', 1]]);
    expect(st.byCategory.find((c: { key: string }) => c.key === '工业')).toMatchObject({ projects: 1, annualPlan: 1234.5678 });
    const text = kpw('stats', '--db', 's.kpw', '--year', '2024', '--month', '8');
    expect(text.stdout).toMatch(/2024年1-8月：重点项目2个，总投资13.3亿元，年度计划投资2234.57万元/);
  });

  it('refuses a missing, empty or damaged library and leaves it as it was', () => {
    fs.writeFileSync(path.join(dir, 'empty.kpw'), '');
    for (const db of ['missing.kpw', 'empty.kpw']) {
      const r = kpw('export', 'projects', '--db', db, '--year', '2025', '--out', 'x.xlsx');
      expect(r.status, db).toBe(1);
      expect(r.stderr).toMatch(/找不到|空文件/);
    }
    expect(fs.existsSync(path.join(dir, 'missing.kpw'))).toBe(false);
    expect(fs.statSync(path.join(dir, 'empty.kpw')).size).toBe(0);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('kpw demo', { timeout: 120_000 }, () => {
  it('creates the demo city whose statistics are the press conference’s', () => {
    const r = kpw('demo', '--db', 'demo.kpw');
    expect(r.status, r.stderr).toBe(0);
    const st = JSON.parse(kpw('stats', '--db', 'demo.kpw', '--year', '2024', '--month', '12', '--json').stdout);
    expect([st.overall.projects, st.overall.totalInvestment, st.overall.annualPlan]).toEqual([896, 43_996_000, 10_419_000]);
    expect(st.previous.projects).toBe(774);
    expect(kpw('demo', '--db', 'demo.kpw').status).toBe(1); // never over an existing file
  });

  it('writes a draft as .docx with the figures in it, and refuses an unknown parameter (exit 2)', async () => {
    expect(kpw('demo', '--db', 'demo.kpw').status).toBe(0);
    const made = kpw('draft', 'press-conference', '--db', 'demo.kpw', '--year', '2024', '--month', '8', '--out', '发布会.docx', '--set', 'speakers=张宗浩|市发展改革委主任|发展改革委\\n王军伟|市科技局副局长|科技局', '--set', 'host=新闻办');
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/已生成新闻发布会材料（\d+个数字取自统计，\d+处待补充）/);
    const { docxParts, paragraphTexts } = await import('../helpers/docx');
    const text = paragraphTexts(docxParts(fs.readFileSync(path.join(dir, '发布会.docx')))['word/document.xml']!).join('\n');
    expect(text).toContain('全市共确定省市县三级重点项目896个，总投资4399.6亿元，年度计划投资1041.9亿元');
    expect(text).toContain('王军伟：');
    const wrong = kpw('draft', 'bulletin', '--db', 'demo.kpw', '--year', '2024', '--month', '8', '--out', 'x.docx', '--set', 'speakers=x');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/bulletin 没有参数“speakers”/);
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
    expect(kpw('draft', 'memo', '--db', 'demo.kpw').status).toBe(2);
  });
});
