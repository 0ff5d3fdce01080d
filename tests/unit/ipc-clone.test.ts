/**
 * The IPC rule for every method of the contract: over the demo city, each method is called
 * through dispatch with a realistic argument (in the desktop app's context: the Electron shell
 * with its dialogs, here answering with temporary paths), and its result must come through
 * structured clone, as Electron's IPC copies it, unchanged: a function would make the clone
 * throw, and a class instance or a Buffer would come out as another type, which toStrictEqual sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type ArgsOf, type Method, type ResultOf } from '../../shared/api';
import { rowsFromTable } from '../../shared/domain';
import { DRAFT_KINDS, type DraftKind } from '../../shared/drafts';
import { createContext, type ServiceContext } from '../../electron/services/context';
import { dispatch } from '../../electron/services/handlers';
import { ipcCopy } from '../../electron/services/ipc-clone';
import { closeLibrary } from '../../electron/services/library';
import { tempDir } from '../helpers/library';
import { buildWorkbook, seedLedgerWorkbook } from '../helpers/workbooks';

let dir: string;
let ctx: ServiceContext;
let files: { projectList: string; dispatchSheet: string; ledgers: string; procedures: string; funds: string; bank: string; land: string };
beforeAll(async () => {
  dir = tempDir('kpw-ipc-clone-');
  fs.mkdirSync(path.join(dir, 'saved'));
  fs.mkdirSync(path.join(dir, 'userData')); // Electron's app.getPath('userData') exists
  ctx = createContext({
    userDataDir: path.join(dir, 'userData'),
    shell: 'electron',
    // The native dialogs, answered as a user would: the demo library to open, new files to create or save.
    dialogs: {
      chooseLibraryToOpen: async () => path.join(dir, 'userData', '示例项目库.kpw'),
      chooseLibraryToCreate: async () => path.join(dir, '对话框新建.kpw'),
      chooseExportPath: async (name) => path.join(dir, 'saved', name),
    },
    showFolder: async () => '',
  });
  const base64 = (b: Buffer) => b.toString('base64');
  files = {
    // 2026's list, as a district sends it, and its March dispatch sheet.
    projectList: base64(
      await buildWorkbook([
        {
          name: '2026年清单',
          rows: [
            ['2026年重点建设项目计划表'],
            ['单位：万元'],
            ['项目编号', '项目名称', '建设性质', '项目级别', '所在区市', '总投资', '2026年计划投资'],
            ['T-001', '石岛湾海堤修复工程', '新建', '市重点', '荣成市', 52000, 12000],
            ['T-002', '远遥冷链物流中心', '新建', '县级', '环翠区', 18000, 6000],
          ],
        },
      ]),
    ),
    dispatchSheet: base64(
      await buildWorkbook([
        {
          name: '3月调度',
          rows: [
            ['项目编号', '项目名称', '1-3月完成投资', '是否开工', '形象进度', '存在问题'],
            ['T-001', '石岛湾海堤修复工程', 2100, '已开工', '基础施工', '用地指标未落实'],
            ['T-002', '远遥冷链物流中心', 0, '未开工', null, null],
          ],
        },
      ]),
    ),
    ledgers: base64(await seedLedgerWorkbook()),
    funds: base64(await buildWorkbook([{ name: '资金', rows: [['资金来源', '金额（亿元）'], ['中央预算内', 27], ['专项债券', 167]] }])),
    bank: base64(await buildWorkbook([{ name: '银行', rows: [['单位：亿元'], ['项目名称', '授信额度', '累计发放贷款'], ['全市合计', 125.15, 49.09], ['某项目', 3, 1.2]] }])),
    land: base64(await buildWorkbook([{ name: '用地', rows: [['项目名称', '解决用地（亩）'], ['某项目', 511.05]] }])),
    procedures: base64(await buildWorkbook([{ name: '前期手续', rows: [['项目名称', '立项（备案）', '用地预审'], ['不在清单的项目', '2024-03-01', '已办']] }])),
  };
}, 60_000);
afterAll(() => {
  closeLibrary(ctx);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The latest result of each method called so far: later calls take ids and tokens from them. */
type Results = { [M in Method]?: ResultOf<M> };
/** The calls to make of one method (in order), given the results so far. */
type Calls<M extends Method> = (r: Results) => ArgsOf<M>[];

const firstRow = (r: Results) => rowsFromTable(r['projects.list']!)[0]!;
const addedTag = (r: Results) => r['lists.add']!.tags.find((t) => t.name === '演示标签')!;
const addedProject = (r: Results) => r['projects.add']!.projectId;

/** Every draft kind with the parameters an analyst would give it (all of DRAFT_KINDS: the compiler asks). */
const draftParams: Record<DraftKind, (r: Results) => Record<string, string>> = {
  'press-conference': () => ({ host: '市政府新闻办', office: '威海市发展和改革委员会' }),
  'proposal-reply': () => ({ office: '威海市发展和改革委员会' }),
  bulletin: () => ({ office: '威海市发展和改革委员会' }),
  'leader-pages': (r) => ({ leader: r['lists.get']!.contactLeaders[0]!.name }),
  supervision: (r) => ({ problemId: String(r['problems.list']!.find((p) => p.description === '用地指标未落实')!.id), deadline: '2024年9月30日' }),
  'ledger-report': (r) => ({ plan: r['ledgers.plans']![0]!.name, quarter: '二' }),
  'work-summary': () => ({ office: '威海市发展和改革委员会' }),
};
const drafts = (r: Results) => DRAFT_KINDS.map((kind) => ({ kind, year: 2024, month: 8, params: draftParams[kind](r) }));

/**
 * Every method, in the order they run (insertion order). A mapped type over Method: a new method
 * of the contract fails the type-check here until it has its row.
 */
const calls: { [M in Method]: Calls<M> } = {
  'app.info': () => [{}],
  'library.openDemo': () => [{}],
  'library.current': () => [{}],
  'library.recent': () => [{}],

  'lists.get': () => [{}],
  'lists.add': () => [{ kind: 'tags', name: '演示标签' }],
  'lists.rename': (r) => [{ kind: 'tags', id: addedTag(r).id, name: '演示标签（改）' }],
  'lists.setLeadDepartment': (r) => [{ id: r['lists.get']!.categories[0]!.id, leadDepartment: '发展改革委' }],
  'lists.remove': (r) => [{ kind: 'tags', id: addedTag(r).id }],

  'projects.list': () => [{ year: 2024 }],
  'projects.get': (r) => [{ projectId: firstRow(r).projectId, year: 2024 }],
  'projects.update': (r) => [
    { projectId: firstRow(r).projectId, year: 2024, field: 'ownerUnit', value: '威海市城市建设投资有限公司', unit: '万元' },
    { projectId: firstRow(r).projectId, year: 2024, field: 'annualPlan', value: '3.5', unit: '亿元' },
  ],
  'projects.add': () => [{ year: 2024, name: '海峰路西延工程' }],
  'projects.paste': (r) => [{ year: 2024, projectIds: [addedProject(r)], fields: ['district', 'totalInvestment'], cells: [['环翠区', '12,000']], unit: '万元' }],
  'projects.copyToNextYear': (r) => [{ year: 2024, projectIds: [addedProject(r), firstRow(r).projectId] }],
  'projects.remove': (r) => [{ year: 2024, projectIds: [addedProject(r)] }],
  'history.state': () => [{}],
  'history.undo': () => [{}],
  'history.redo': () => [{}],

  'import.projects.preview': () => [{ source: { fileName: '2026年清单.xlsx', data: files.projectList }, year: 2026 }],
  'import.projects.commit': (r) => [{ token: r['import.projects.preview']!.token, year: 2026, validOnly: false }],
  'import.progress.preview': () => [{ files: [{ fileName: '3月调度.xlsx', data: files.dispatchSheet }], year: 2026, month: 3 }],
  'import.progress.commit': (r) => [{ token: r['import.progress.preview']!.token, year: 2026, month: 3 }],
  'export.projects': () => [{ year: 2024, unit: '亿元' }],
  'export.districtTemplate': () => [{ year: 2024, month: 8, district: '荣成市' }],

  'stats.get': () => [{ year: 2024, month: 8 }, { year: 2024, month: 8, filter: { categories: ['工业'], districts: ['荣成市'] } }],
  'stats.ranking': () => [{ year: 2024, month: 8 }],
  'export.ranking': () => [{ year: 2024, month: 8 }],
  'stats.trend': () => [{ year: 2024, month: 8 }],
  'stats.projects': () => [{ year: 2024, month: 8, dimension: 'district', key: '荣成市' }],
  'settings.thresholds': () => [{}],
  'settings.setThresholds': () => [{ redMonthsLate: 3, yellowMonthsLate: 1, redGap: 0.3, yellowGap: 0.1 }],
  'settings.style': () => [{}, { year: 2024, month: 8 }],
  'settings.setStyle': () => [{ thousands: true }],
  'settings.planSplit': () => [{}],
  'settings.setPlanSplit': () => [{ mode: 'even', profile: [] }],
  'settings.chartNames': () => [{}],
  'settings.setChartNames': () => [{ names: { 经济技术开发区: '经开区' } }],

  'dispatch.list': () => [{ year: 2024, month: 8 }],
  'dispatch.update': (r) => [{ projectId: r['dispatch.list']![0]!.projectId, year: 2024, month: 8, field: 'visualProgress', value: '主体施工', unit: '万元' }],
  'dispatch.state': () => [{ year: 2024, month: 8 }],
  'dispatch.close': () => [{ year: 2024, month: 8 }],
  'dispatch.reopen': () => [{ year: 2024, month: 8, reason: '区市补报数据' }],

  // Two problems: the first stays open (the 督办单 below is about it), the second is solved and removed.
  'problems.add': (r) => [
    { projectId: firstRow(r).projectId, year: 2024, type: '用地', description: '用地指标未落实', ownerDepartment: '自然资源和规划局', raisedDate: '2024-06-05' },
    { projectId: firstRow(r).projectId, year: 2024, type: '资金', description: '配套资金未到位', ownerDepartment: null, raisedDate: '2024-08-05' },
  ],
  'problems.list': () => [{ year: 2024 }],
  'problems.summary': () => [{ year: 2024 }],
  'problems.atMonthEnd': () => [{ year: 2024, month: 8 }],
  'problems.update': (r) => [{ id: r['problems.add']!.id, year: 2024, field: 'status', value: '已解决' }],
  'problems.remove': (r) => [{ id: r['problems.add']!.id }],
  'supervisions.issue': (r) => [{ projectId: firstRow(r).projectId, year: 2024, month: 8, form: 'supervision', issuedDate: '2024-09-05', deadline: '2024-09-20' }],
  'supervisions.list': () => [{ year: 2024 }],
  'supervisions.feedback': (r) => [{ id: r['supervisions.issue']!.id, text: '已协调用地指标，9月底前开工' }],
  'supervisions.review': (r) => [{ id: r['supervisions.issue']!.id, accepted: true }],
  'supervisions.close': (r) => [{ id: r['supervisions.issue']!.id }],
  'supervisions.remove': (r) => [{ id: r['supervisions.issue']!.id }],

  'ledgers.import.preview': () => [{ plan: '深化新旧动能转换三年行动计划', source: { fileName: '台账.xlsx', data: files.ledgers } }],
  'ledgers.import.commit': (r) => [{ token: r['ledgers.import.preview']!.token, plan: '深化新旧动能转换三年行动计划' }],
  'ledgers.plans': () => [{}],
  'ledgers.items': (r) => [{ planId: r['ledgers.plans']![0]!.id }, { planId: r['ledgers.plans']![0]!.id, ledger: 'indicators' }],
  'ledgers.summaries': (r) => [{ planId: r['ledgers.plans']![0]!.id }],
  'ledgers.update': (r) => [{ id: r['ledgers.items']![0]!.id, field: 'status', value: '已完成' }],
  'ledgers.export': (r) => [{ planId: r['ledgers.plans']![0]!.id }],

  'drafts.templates': () => [{}],
  'drafts.setTemplate': (r) => [{ key: r['drafts.templates']![0]!.key, text: r['drafts.templates']![0]!.defaultText }],
  'drafts.resetTemplates': () => [{}],
  'drafts.fonts': () => [{}],
  'drafts.setFonts': () => [{ body: '仿宋' }],
  'drafts.replyCategories': () => [{}],
  'drafts.setReplyCategories': () => [{ categories: [{ code: '甲', definition: '已经解决' }] }],
  'drafts.build': drafts,
  'drafts.export': drafts,

  'lifecycle.stages': () => [{ year: 2024, month: 8 }],
  'procedures.kinds': () => [{}],
  'procedures.addKind': () => [{ name: '水土保持方案', role: null }],
  'procedures.updateKind': (r) => [{ id: r['procedures.addKind']!.at(-1)!.id, name: '水保方案' }],
  'procedures.list': () => [{ year: 2024, month: 8 }],
  'procedures.update': (r) => [{ year: 2024, projectId: firstRow(r).projectId, kindId: r['procedures.kinds']![0]!.id, field: 'plannedDate', value: '2024-05-31' }],
  'procedures.counts': () => [{ year: 2024, month: 8 }],
  'procedures.overdue': () => [{ year: 2024, month: 8 }],
  'import.procedures.preview': () => [{ source: { fileName: '前期手续.xlsx', data: files.procedures }, year: 2024 }],
  'import.procedures.commit': (r) => [{ token: r['import.procedures.preview']!.token, year: 2024, validOnly: true }],
  'export.procedures': () => [{ year: 2024, month: 8 }],
  'support.addFund': () => [{ year: 2024, source: 'central', amount: '2.7', unit: '亿元', projectName: null }],
  'support.funds': () => [{ year: 2024 }],
  'support.removeFund': (r) => [{ id: r['support.funds']![0]!.id }],
  'support.setBank': () => [{ year: 2024, projects: 32, credit: '125.15', loans: '49.09', balance: '48.43', unit: '亿元' }],
  'support.addLand': () => [{ year: 2024, area: '511.05' }],
  'support.removeLand': (r) => [{ id: r['support.addLand']![0]!.id }],
  'support.summary': () => [{ year: 2024 }],
  'import.funds.preview': () => [{ source: { fileName: '资金.xlsx', data: files.funds }, year: 2024 }],
  'import.funds.commit': (r) => [{ token: r['import.funds.preview']!.token, year: 2024 }],
  'support.addBankLoan': () => [{ year: 2024, projectName: '不在清单的项目', bank: '建设银行', credit: '12', loans: '3.5', balance: null, unit: '亿元' }],
  'support.bankLoans': () => [{ year: 2024 }],
  'support.removeBankLoan': (r) => [{ id: r['support.bankLoans']![0]!.id }],
  'support.land': () => [{ year: 2024 }],
  'import.bank.preview': () => [{ source: { fileName: '银行.xlsx', data: files.bank }, year: 2024 }],
  'import.bank.commit': (r) => [{ token: r['import.bank.preview']!.token, year: 2024 }],
  'import.land.preview': () => [{ source: { fileName: '用地.xlsx', data: files.land }, year: 2024 }],
  'import.land.commit': (r) => [{ token: r['import.land.preview']!.token, year: 2024 }],
  'export.support': () => [{ year: 2024 }],
  'procedures.removeKind': (r) => [{ id: r['procedures.addKind']!.at(-1)!.id }],
  'procedures.orderKinds': (r) => [{ ids: [...r['procedures.kinds']!.map((k) => k.id)].reverse() }],
  'procedures.retireKind': (r) => [{ id: r['procedures.kinds']!.at(-1)!.id, retired: true }],

  'backups.create': () => [{}],
  'backups.saveAs': () => [{}],
  'backups.list': () => [{}],
  'backups.folder': () => [{}],
  'backups.openFolder': () => [{}],
  'backups.verify': (r) => [{ name: r['backups.create']!.name }],
  'backups.restore': (r) => [{ name: r['backups.create']!.name }],
  'library.backups': (r) => [{ path: r['library.openDemo']!.path }],
  'library.recover': (r) => [{ path: r['library.openDemo']!.path, name: r['library.backups']![0]!.name }],
  'library.open': (r) => [{ path: r['library.openDemo']!.path }],
  'library.create': () => [{ path: path.join(dir, '新项目库.kpw') }],
  'library.openWithDialog': () => [{}],
  'library.createWithDialog': () => [{}],
  'library.openLocalCopy': () => [{}],
};

describe('every result of the contract crosses IPC unchanged', () => {
  it('calls every method with a realistic argument and structured-clones its result to an equal value', async () => {
    const results: Results = {};
    const called = new Set<Method>();
    for (const method of Object.keys(calls) as Method[]) {
      for (const args of (calls[method] as Calls<Method>)(results)) {
        const result = await dispatch(ctx, method, args);
        expect(result.ok ? 'ok' : result.error, `${method} ${JSON.stringify(args).slice(0, 200)}`).toBe('ok');
        expect(ipcCopy(result), method).toStrictEqual(result);
        (results as Record<Method, unknown>)[method] = (result as { value: unknown }).value;
        called.add(method);
      }
    }
    expect([...called].sort()).toEqual([...METHODS].sort());

    // What the calls did is what they are for (the clone check is not comparing empty results).
    expect(results['library.current']!.years).toContain(2024);
    expect(results['import.projects.commit']).toMatchObject({ added: 2 });
    expect(results['export.projects']!.savedTo).toMatch(/\.xlsx$/);
    expect(results['export.districtTemplate']!.savedTo).toBe(path.join(dir, 'saved', '荣成市2024年8月调度填报模板.xlsx'));
    expect(results['ledgers.import.commit']!.counts).toMatchObject({ tasks: 168 });
    expect(fs.existsSync(results['drafts.export']!.savedTo!)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'saved')).filter((f) => f.endsWith('.docx'))).toHaveLength(DRAFT_KINDS.length);
    expect(results['library.createWithDialog']!.path).toBe(path.join(dir, '对话框新建.kpw'));
    expect(results['library.openLocalCopy']!.path).toBe(path.join(dir, 'userData', '本地副本', '对话框新建.kpw'));
  }, 180_000);

  it('builds the bulletin’s charts as plain data that clones equal (they once carried formatter functions)', async () => {
    await dispatch(ctx, 'library.open', { path: path.join(dir, 'userData', '示例项目库.kpw') });
    const result = await dispatch(ctx, 'drafts.build', { kind: 'bulletin', year: 2024, month: 8 });
    if (!result.ok) throw new Error(result.error.message);
    const draft = result.value as ResultOf<'drafts.build'>;
    expect(draft.charts.map((c) => c.id)).toEqual(['trend', 'districtRace']);
    expect(ipcCopy(draft.charts)).toStrictEqual(draft.charts);
    expect(draft.charts[1]!.tooltips!.length).toBeGreaterThan(0);
  });
});
