/**
 * Project lists in the shapes offices really send (REAL-DOCUMENTS.md), continued from
 * import-shapes.test.ts: rows as offices write them — sections at every level with their counts,
 * group rows, 合计 above and below, stray spaces, natures beyond 新建/续建, 打包项目 — and never a
 * silent zero (a list without an annual-plan column, in the app and in kpw), and any year.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../shared/import';
import { importShapesLibrary, 万, 亿 } from '../helpers/import-shapes';
import { tempDir } from '../helpers/library';
import { buildWorkbook, type CellInput } from '../helpers/workbooks';

const KPW = path.resolve(import.meta.dirname, '../../electron/cli/kpw.mjs');
const { call, refused, list, preview, commit, warnings } = importShapesLibrary();

describe('rows as offices write them', () => {
  const header: CellInput[] = ['序号', '项目名称', '总投资', '年度计划投资'];

  it('sections 一、/（一）/1./①/—— nest, set categories at any level, and declared counts are checked (a wrong one named with both numbers)', async () => {
    const rows: CellInput[][] = [
      ['2025年重点项目（单位：万元）'],
      header,
      ['一、产业项目（3项）'],
      ['（一）', '工业（2项）'],
      ['1.先进制造（1个）'],
      ['①新材料（1项）'],
      [1, '碳纤维复合材料项目', 50000, 10000],
      ['2.新兴产业（1个）'],
      ['——新能源（1项）'],
      [2, '海上风电装备产业园', 80000, 20000],
      ['（二）海洋产业（2项）'],
      [3, '海洋牧场综合体', 12000, 3000],
      ['二、城建项目（1项）'],
      [4, '海峰路西延', 6000, 1500],
    ];
    const merges = ['A1:D1', 'A3:D3', 'A5:D5', 'A6:D6', 'A8:D8', 'A9:D9', 'A11:D11', 'A13:D13'];
    const p = await preview(rows, merges);
    expect(warnings(p)).toEqual(['清单!A11: “（二）海洋产业（2项）”写明2个项目，其下实有1个']);
    expect(p.headings.map((h) => [h.row, h.depth, h.declared, h.projects, h.sets])).toEqual([
      [3, 1, 3, 3, ''],
      [4, 2, 2, 2, '类别：工业'],
      [5, 3, 1, 1, ''],
      [6, 4, 1, 1, ''],
      [8, 3, 1, 1, ''],
      [9, 4, 1, 1, ''],
      [11, 2, 2, 1, '类别：海洋产业'],
      [13, 1, 1, 1, '类别：城建'],
    ]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.category, r.leadDepartment, r.totalInvestment, r.annualPlan])).toEqual([
      ['碳纤维复合材料项目', '工业', '工业和信息化局', 万(50000), 万(10000)],
      ['海上风电装备产业园', '工业', '工业和信息化局', 万(80000), 万(20000)],
      ['海洋牧场综合体', '海洋产业', '海洋发展局', 万(12000), 万(3000)],
      ['海峰路西延', '城建', '住房城乡建设局', 万(6000), 万(1500)],
    ]);
  });

  it('“第一部分” sections carry subtotals that are checked like any section’s', async () => {
    const rows: CellInput[][] = [header, ['第一部分 工业项目', null, 300, 30], [1, '甲项目', 100, 10], [2, '乙项目', 200, 20], ['第二部分 城建项目（1项）', null, 50, 6], [3, '丙项目', 50, 5]];
    const p = await preview(rows);
    expect(p.rows.map((r) => r.name)).toEqual(['甲项目', '乙项目', '丙项目']);
    expect(warnings(p)).toEqual(['清单!D5: “第二部分 城建项目（1项）”行的年度计划投资为6万元，与其下各项目之和5万元不符']);
    expect(p.headings.map((h) => h.sets)).toEqual(['类别：工业', '类别：城建']);
  });

  it('a section that names no category is reported only when its projects are really left without one', async () => {
    const rows: CellInput[][] = [header, ['一、重大基础设施（1项）'], [1, '乳山口大桥', 100, 10], ['二、产业项目'], ['（一）工业'], [2, '碳纤维项目', 200, 20]];
    const p = await preview(rows);
    expect(warnings(p)).toEqual(['清单!A2: 分类行“重大基础设施”不是已有的项目类别，其下1个项目的类别未设置']);
  });

  it('group rows (a district with a count, a nature group with only its name) are headings that set what they name, never projects', async () => {
    const rows: CellInput[][] = [
      header,
      ['环翠区（2项）'],
      ['续建项目'],
      [1, '威海国际海水浴场提升', 9000, 2000],
      [null, '计划新开工项目（1个）'],
      [2, '环翠区智慧停车', '5,000', '1,000'],
      ['文登区（12项）'],
      [3, '文登区污水处理厂扩建', 7000.5, 3000],
      ['市住房城乡建设局（1项）'],
      [4, '老旧小区改造', 4000, 4000],
    ];
    const p = await preview(rows);
    expect(p.rows.map((r) => r.name)).toEqual(['威海国际海水浴场提升', '环翠区智慧停车', '文登区污水处理厂扩建', '老旧小区改造']);
    expect(warnings(p)).toEqual(['清单!A7: “文登区（12项）”写明12个项目，其下实有1个']);
    expect(p.headings.map((h) => `${h.text}:${h.projects}:${h.sets}`)).toEqual([
      '环翠区（2项）:2:区市：环翠区',
      '续建项目:1:建设性质：续建',
      '计划新开工项目（1个）:1:建设性质：新建',
      '文登区（12项）:1:区市：文登区',
      '市住房城乡建设局（1项）:1:',
    ]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.district, r.nature, r.totalInvestment, r.annualPlan])).toEqual([
      ['威海国际海水浴场提升', '环翠区', 'continued', 万(9000), 万(2000)],
      ['环翠区智慧停车', '环翠区', 'new', 万(5000), 万(1000)],
      ['文登区污水处理厂扩建', '文登区', null, 万(7000.5), 万(3000)],
      ['老旧小区改造', null, null, 万(4000), 万(4000)],
    ]);
  });

  it('a 合计 right under the header is checked against the rows below it; right ones are silent, wrong ones name both numbers', async () => {
    const body: CellInput[][] = [
      [1, '甲项目', 1000, 100],
      [2, '乙项目', 2000.5, 200],
    ];
    const right = await preview([header, ['合计（2个）', null, 3000.5, 300], ...body]);
    expect(right.issues).toEqual([]);
    expect(right.sums.map((s) => [s.sum, s.sheetTotal, s.sheetTotalCell, s.sheetTotalAgrees])).toEqual([
      [万(3000.5), 万(3000.5), 'C2', true],
      [万(300), 万(300), 'D2', true],
    ]);
    const wrong = await preview([header, ['合计：3 个', null, 3000, 300], ...body]);
    expect(warnings(wrong)).toEqual(['清单!A2: “合计：3 个”行写明3个项目，其下各项目实有2个', '清单!C2: “合计：3 个”行的总投资为3,000万元，与其下各项目之和3,000.5万元不符']);
    await commit(wrong);
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([
      ['甲项目', 万(1000), 万(100)],
      ['乙项目', 万(2000.5), 万(200)],
    ]);
  });

  it('合计 / 总计 / 小计 below the data: checked for count and sums', async () => {
    const rows: CellInput[][] = [
      header,
      ['一、工业（2项）', null, 3000, 300],
      [1, '甲项目', 1000, 100],
      [2, '乙项目', 2000, 200],
      ['小计', null, 3000, 300],
      ['二、城建（1项）', null, 999, 50],
      [3, '丙项目', 500, 50],
      ['小计', null, 500, 60],
      ['合计：3 个', null, 3500, 350],
      ['总计', null, 3500, 351],
    ];
    const p = await preview(rows);
    expect(warnings(p)).toEqual([
      '清单!C6: “二、城建（1项）”行的总投资为999万元，与其下各项目之和500万元不符',
      '清单!D8: “小计”行的年度计划投资为60万元，与“二、城建（1项）”下各项目之和50万元不符',
      '清单!D10: “总计”行的年度计划投资为351万元，与各项目之和350万元不符',
    ]);
    expect(p.sums.map((s) => s.sheetTotal)).toEqual([万(3500), 万(351)]);
  });

  it('a 合计 written to fewer decimals agrees with the exact sum at that precision, and says so beside the sum', async () => {
    const rows: CellInput[][] = [['项目名称', '总投资（亿元）', '年度计划投资（亿元）'], ['甲项目', 12.345, 1.2345], ['乙项目', 1.2345, 0.1111], ['合计', 13.58, 1.34]];
    const p = await preview(rows);
    expect(warnings(p)).toEqual(['清单!C4: “合计”行的年度计划投资为13,400万元，与各项目之和13,456万元不符']);
    expect(p.sums.map((s) => [s.sum, s.sheetTotal, s.sheetTotalAgrees])).toEqual([
      [亿(13.5795), 亿(13.58), true],
      [亿(1.3456), 亿(1.34), false],
    ]);
  });

  it('stray spaces inside names are ignored for matching and removed; full-width digits and “—” read as people mean them', async () => {
    await call('projects.add', { year: 2025, name: '海港智能产业园' });
    const p = await preview([header, [1, '海港 智能产业园', '—', '１２００'], [2, '环翠 楼片区  城市更新', 300, 100], [3, 'ABC 产业园', 1, 1]]);
    expect(p.rows.map((r) => [r.name, r.status])).toEqual([
      ['海港智能产业园', 'update'],
      ['环翠楼片区城市更新', 'new'],
      ['ABC 产业园', 'new'],
    ]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([
      ['海港智能产业园', null, 万(1200)],
      ['环翠楼片区城市更新', 万(300), 万(100)],
      ['ABC 产业园', 万(1), 万(1)],
    ]);
  });

  it('natures 竣工投产 / 前期 / 储备 / 预备 understood: 续建, or no nature with the stage; a 前期 project’s goal in the plan column is kept as its 年度工作目标, not refused', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '建设性质', '总投资', '年度计划投资'],
      ['石岛湾核电一期', '竣工投产', 1_500_000, 200_000],
      ['乳山口大桥', '前期', 350_000, '完成可研批复'],
      ['海洋科创园', '储备', 80_000, null],
      ['华能热电联产', '预备', 120_000, null],
      ['荣成海洋牧场', '计划新开工', 30_000, 10_000],
    ];
    const p = await preview(rows);
    expect(p.counts).toMatchObject({ new: 5, error: 0 });
    expect(warnings(p)).toEqual(['清单!D3: “乳山口大桥”是前期（储备）项目，年度计划投资一栏写的是“完成可研批复”：记为年度工作目标，年度计划投资留空']);
    expect(p.notes).toEqual([
      '第2行1个项目的建设性质为“竣工投产”：按“续建”导入（年内竣工投产的项目在本年以前已开工）',
      '第3行1个项目的建设性质为“前期”：尚未开工，建设性质留空，项目阶段记为“前期”',
      '第4行1个项目的建设性质为“储备”：尚未开工，建设性质留空，项目阶段记为“储备”',
      '第5行1个项目的建设性质为“预备”：尚未开工，建设性质留空，项目阶段记为“前期”',
    ]);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.nature, r.stage, r.totalInvestment, r.annualPlan])).toEqual([
      ['石岛湾核电一期', 'continued', null, 万(1_500_000), 万(200_000)],
      ['乳山口大桥', null, 'preparation', 万(350_000), null],
      ['海洋科创园', null, 'reserve', 万(80_000), null],
      ['华能热电联产', null, 'preparation', 万(120_000), null],
      ['荣成海洋牧场', 'new', null, 万(30_000), 万(10_000)],
    ]);
    expect((await list(2025)).find((r) => r.name === '乳山口大桥')!.workTarget).toBe('完成可研批复');
  });

  it('a 打包项目 split per 责任单位 under a merged name is one project; names numbered in their cell lose the number', async () => {
    const rows: CellInput[][] = [
      ['项目名称', '责任单位', '总投资', '年度计划投资'],
      ['1.城区道路打包项目', '环翠区住建局', 9000, 1000],
      [null, '文登区住建局', null, 500],
      ['2、石岛湾渔港改造', '荣成市住建局', 100, 10],
      ['3、4号楼改造', '荣成市住建局', 1, 1],
      ['合计', null, 9101, 1511],
    ];
    const p = await preview(rows, ['A2:A3', 'C2:C3']);
    // "3、4号楼改造" may be the name itself: kept as written.
    expect(p.rows.map((r) => r.name)).toEqual(['城区道路打包项目', '石岛湾渔港改造', '3、4号楼改造']);
    expect(p.issues).toEqual([]);
    expect(p.notes).toEqual(['第3行是第2行“城区道路打包项目”的一部分（项目名称合并单元格）：并入该项目，金额相加']);
    await commit(p);
    expect((await list(2025)).map((r) => [r.name, r.ownerUnit, r.totalInvestment, r.annualPlan])).toEqual([
      ['城区道路打包项目', '环翠区住建局、文登区住建局', 万(9000), 万(1500)],
      ['石岛湾渔港改造', '荣成市住建局', 万(100), 万(10)],
      ['3、4号楼改造', '荣成市住建局', 万(1), 万(1)],
    ]);
  });

  it('a plan written in words for a project under construction is an error naming the cell', async () => {
    const p = await preview([['项目名称', '建设性质', '总投资', '年度计划投资'], ['海堤修复', '续建', 100, '待定']]);
    expect(p.issues.map(describeIssue)).toEqual(['清单!D2: 年度计划投资：“待定”不是有效的金额']);
  });
});

describe('never a silent zero', () => {
  const rows: CellInput[][] = [
    ['项目名称', '总投资', '投资额'],
    ['甲项目', 1000, 100],
    ['乙项目', 2000, 200],
  ];

  it('a list without 年度计划投资 says so first and is refused until a column is mapped or the user confirms it has none', async () => {
    const p = await preview(rows);
    expect(p.missingRequired).toEqual([{ target: 'annualPlan', label: '年度计划投资', message: expect.stringContaining('没有“年度计划投资”列') }]);
    const error = await refused('import.projects.commit', { token: p.token, year: 2025, validOnly: false });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/没有“年度计划投资”列，未导入任何内容/) });
    expect(await list(2025)).toEqual([]);
    // An unknown name in allowMissing is refused by the contract's schema.
    await expect(call('import.projects.commit', { token: p.token, year: 2025, validOnly: false, allowMissing: ['scope' as never] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // Mapping the column the office called 投资额 clears it.
    const mapped = await call('import.projects.preview', { source: { token: p.token }, year: 2025, mapping: { '0': 'name', '1': 'totalInvestment', '2': 'annualPlan' } });
    expect(mapped.missingRequired).toEqual([]);
    await call('import.projects.commit', { token: mapped.token, year: 2025, validOnly: false, mapping: { '0': 'name', '1': 'totalInvestment', '2': 'annualPlan' } });
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([
      ['甲项目', 万(1000), 万(100)],
      ['乙项目', 万(2000), 万(200)],
    ]);
  });

  it('or imported with the plan left empty (never 0) when the user confirms the list has none', async () => {
    const p = await preview(rows);
    await commit(p, { allowMissing: ['annualPlan'] });
    expect((await list(2025)).map((r) => [r.name, r.totalInvestment, r.annualPlan])).toEqual([
      ['甲项目', 万(1000), null],
      ['乙项目', 万(2000), null],
    ]);
  });

  it('kpw import projects exits 1 naming the missing column, and imports with --allow-missing 年度计划投资', async () => {
    const dir = tempDir('kpw-shapes-');
    try {
      fs.writeFileSync(path.join(dir, 'list.xlsx'), await buildWorkbook([{ name: '清单', rows }]));
      const kpw = (...args: string[]) => spawnSync(process.execPath, [KPW, ...args], { encoding: 'utf8', cwd: dir });
      expect(kpw('init', '--db', 'lib.kpw').status).toBe(0);
      const refusedRun = kpw('import', 'projects', 'list.xlsx', '--db', 'lib.kpw', '--year', '2025');
      expect(refusedRun.status).toBe(1);
      expect(refusedRun.stderr).toMatch(/没有“年度计划投资”列，未导入任何内容。如确认这份清单没有该列，请加 --allow-missing 年度计划投资/);
      expect(kpw('import', 'projects', 'list.xlsx', '--db', 'lib.kpw', '--year', '2025', '--allow-missing', '总投资之类').status).toBe(2);
      const allowedRun = kpw('import', 'projects', 'list.xlsx', '--db', 'lib.kpw', '--year', '2025', '--allow-missing', '年度计划投资');
      expect(allowedRun.status, allowedRun.stderr).toBe(0);
      expect(allowedRun.stdout).toMatch(/新增2个/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('imports into any year the user chooses, past ones included, and says which year the file names', async () => {
    const p = await preview([['2019年重点项目计划表'], ['项目名称', '总投资', '年度计划投资'], ['老项目', 10, 5]], [], 2019);
    expect([p.year, p.yearInFile]).toEqual([2019, 2019]);
    await commit(p);
    expect((await list(2019)).map((r) => [r.name, r.year, r.totalInvestment])).toEqual([['老项目', 2019, 万(10)]]);
  });
});
