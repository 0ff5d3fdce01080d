/** kpw import procedures / funds / bank / land and the life cycle in kpw stats --json, as a user runs them: real files, exit codes, messages. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/library';
import { buildWorkbook } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
let dir: string;
const kpw = (...args: string[]) => spawnSync(process.execPath, [KPW, ...args], { encoding: 'utf8', cwd: dir });

beforeEach(() => {
  dir = tempDir('kpw-cli-cycle-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kpw and the life cycle', { timeout: 180_000 }, () => {
  it('imports procedures, funds, bank support and land, refuses a bad sheet naming the cell, and gives stages, procedures and funds in stats --json', async () => {
    expect(kpw('init', '--db', 'c.kpw').status).toBe(0);
    const write = async (name: string, rows: (string | number | null)[][]) => fs.writeFileSync(path.join(dir, name), await buildWorkbook([{ name: name.replace('.xlsx', ''), rows }]));
    await write('list.xlsx', [['项目名称', '所在区市', '项目阶段', '总投资', '年度计划投资'], ['乳山口大桥', '荣成市', '前期', 350_000, null], ['海洋科创园', '荣成市', '储备', 80_000, null]]);
    expect(kpw('import', 'projects', 'list.xlsx', '--db', 'c.kpw', '--year', '2025').status).toBe(0);
    await write('手续.xlsx', [['项目名称', '立项（备案）', '用地预审', '施工许可证'], ['乳山口大桥', '2025-02-01', '计划2025-06-30', '2025-09-15'], ['海洋科创园', '2025-03-01', null, null]]);
    const dry = kpw('import', 'procedures', '手续.xlsx', '--db', 'c.kpw', '--year', '2025', '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/检查完成（未写入）：手续，更新2个项目的4项手续/);
    const r = kpw('import', 'procedures', '手续.xlsx', '--db', 'c.kpw', '--year', '2025');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/已导入2025年前期手续：新增0个，更新2个/);
    await write('坏.xlsx', [['项目名称', '能评'], ['不存在的项目', '已办']]);
    const bad = kpw('import', 'procedures', '坏.xlsx', '--db', 'c.kpw', '--year', '2025');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/坏!A2: “不存在的项目”不在本年度项目清单中/);

    await write('资金.xlsx', [['单位：亿元'], ['年度', '资金来源', '金额'], [2024, '中央预算内', 12.3], [2025, '中央预算内', 27], [2025, '专项债券', 167]]);
    const f = kpw('import', 'funds', '资金.xlsx', '--db', 'c.kpw', '--year', '2025');
    expect(f.status, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/已导入争取资金：2024年1笔12.3亿元，2025年2笔194亿元；共3笔/);

    // Bank support (the city's totals and one project's loans) and land, each sheet on its own.
    await write('银行.xlsx', [['单位：亿元'], ['年度', '项目名称', '支持项目（个）', '授信额度', '累计发放贷款', '贷款余额'], [2025, '全市合计', 86, 420, 310.5, 280], [2025, '乳山口大桥', null, 30, 12, 12]]);
    const dryBank = kpw('import', 'bank', '银行.xlsx', '--db', 'c.kpw', '--year', '2025', '--dry-run');
    expect(dryBank.status, dryBank.stderr).toBe(0);
    expect(dryBank.stdout).toMatch(/^检查完成（未写入）：银行，2025年2笔/);
    const b = kpw('import', 'bank', '银行.xlsx', '--db', 'c.kpw', '--year', '2025');
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/^已导入银行支持：2025年2笔贷款[\d.]+亿元；共2笔/);
    await write('用地.xlsx', [['年度', '项目名称', '解决用地（亩）'], [2025, '乳山口大桥', 120.5], [2025, '海洋科创园', 390.55]]);
    const land = kpw('import', 'land', '用地.xlsx', '--db', 'c.kpw', '--year', '2025');
    expect(land.status, land.stderr).toBe(0);
    expect(land.stdout).toBe('已导入用地保障：2025年2笔511.05亩；共2笔\n');
    await write('坏用地.xlsx', [['年度', '项目名称', '解决用地（亩）'], [2025, '乳山口大桥', '很多']]);
    const badLand = kpw('import', 'land', '坏用地.xlsx', '--db', 'c.kpw', '--year', '2025');
    expect(badLand.status).toBe(1);
    expect(badLand.stderr).toMatch(/坏用地!C2/);

    const s = kpw('stats', '--db', 'c.kpw', '--year', '2025', '--month', '8', '--json');
    expect(s.status, s.stderr).toBe(0);
    const st = JSON.parse(s.stdout);
    expect(st.stages.overall.stages).toMatchObject({ reserve: 1, preparation: 1 });
    expect(st.stages.byDistrict.find((d: { key: string }) => d.key === '荣成市')).toMatchObject({ projects: 2 });
    // The 施工许可证 of 9月15日 does not count for 1-8月; the 用地预审 planned for 6月30日 is overdue.
    expect(st.procedures).toMatchObject({ asOf: '2025-08-31', obtained: 2, approval: 2, constructionPermit: 0, overdue: 1 });
    const central = st.funds.bySource.find((x: { source: string }) => x.source === 'central');
    expect(central).toMatchObject({ amount: 270000, previous: 123000 });
    expect(central.yoy).toBeCloseTo(27 / 12.3 - 1, 12);
    expect(st.funds.bank).toMatchObject({ projects: 86, credit: 4_200_000, loans: 3_105_000, balance: 2_800_000 });
    expect(st.funds.land).toEqual({ mu: 511.05, projects: 2 });
    expect(kpw('--help').stdout).toMatch(/kpw import procedures 手续表.xlsx --db 项目库 --year 年度/);
  });
});
