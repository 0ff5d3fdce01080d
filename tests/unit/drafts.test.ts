/**
 * 材料生成: the drafts carry the seeds' figures in their sentences, in the official layout, and
 * render in LibreOffice; templates are validated; text from the data reaches Word safely.
 */
import { money } from '../../shared/money';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../electron/db/progress';
import { fillDemoLibrary } from '../../electron/services/demo';
import { buildDraft, draftDocx } from '../../electron/services/drafts/index';
import { signatureIndents } from '../../electron/services/drafts/docx-writer';
import { listTemplates, resetTemplates, setTemplate } from '../../electron/services/drafts/templates';
import { projectsBehind } from '../../electron/services/statistics/drill-down';
import type { Draft } from '../../shared/drafts';
import { docxParts, paragraphTexts, renderWithLibreOffice } from '../helpers/docx';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { seedReply004 } from '../helpers/sample';

const textOf = (draft: Draft) => draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
const SPEAKERS = ['张宗浩|市发展改革委党组书记、主任|发展改革委', '王军伟|市科技局党组成员、副局长|科技局', '杨启玉|市工业和信息化局党组成员、副局长|工业和信息化局'].join('\n');

let demo: TempLibrary;
let reply: TempLibrary;
beforeAll(() => {
  demo = createTempLibrary({ now: () => new Date(2024, 8, 30) });
  fillDemoLibrary(demo.ctx.library!.db, 'x');
  reply = createTempLibrary({ now: () => new Date(2023, 8, 30) });
  seedReply004(reply.ctx.library!.db, 2023);
});
afterAll(() => {
  demo.close();
  reply.close();
});

describe('press-conference draft (seed 000)', () => {
  it('carries the year’s and every category’s figures in its sentences', () => {
    const draft = buildDraft(demo.ctx, { kind: 'press-conference', year: 2024, month: 2, params: { speakers: SPEAKERS, host: '市政府新闻办' } });
    const text = textOf(draft);
    expect(text).toContain('全市共确定省市县三级重点项目896个，总投资4399.6亿元，年度计划投资1041.9亿元，与去年相比，分别增长15.8%、31.3%和5.2%');
    expect(text).toContain('271个省市重点项目，由32位市级领导联系分包；625个县级重点项目');
    expect(text).toContain('科技创新重点项目计划实施142个，总投资91.6亿元，年度计划投资29.6亿元，同比增长6.5%');
    expect(text).toMatch(/0-1颠覆性技术项目4个.*卡脖子技术项目18个.*国产化替代技术项目37个.*变革性技术迭代项目49个/s);
    expect(text).toContain('工业重点项目计划实施311个，总投资1246.2亿元，年度计划投资401.7亿元');
    expect(text).toContain('新建项目142个，占比45.7%；续建项目169个，占比54.3%');
    expect(text).toContain('总投资1亿元以上项目206个，比2023年增加19个。其中，总投资30亿元（含）以上项目7个，比2023年增加4个；总投资10亿元（含）-30亿元项目24个，比2023年增加8个');
    expect(text).toMatch(/智改数转项目166个，占项目总数的53\.4%.*产业链项目199个，占项目总数的64%.*新能源及绿色化项目81个，占项目总数的26%/s);
    expect(text).toContain('城建重点项目计划实施131个');
    expect(text).toContain('年度计划投资124.4亿元');
    expect(text).toContain('乡村振兴重点项目计划实施98个，总投资');
    expect(text).toContain('年度计划投资48.9亿元，同比增长0.4%');
    expect(text).toContain('海洋产业重点项目计划实施84个，总投资207.7亿元，年度计划投资51.6亿元');
    // 城建 by the end of February (seed 000): 92 started, 21.89亿元, 17.6% of the plan.
    expect(text).toMatch(/城建重点项目[^\n]*截至2月底，已开复工项目92个[^\n]*累计完成投资21\.89亿元，占年度计划投资的17\.6%/);
    // Speakers answer for their department; the others are placeholders.
    expect(text).toContain('王军伟：');
    expect(text).toContain('【请补充：住房城乡建设局发言人】');
  });

  it('lists every figure used with its definition, and each leads to the projects behind it', () => {
    const draft = buildDraft(demo.ctx, { kind: 'press-conference', year: 2024, month: 8 });
    const used = new Set(draft.blocks.flatMap((b) => ('runs' in b ? b.runs.filter((r) => r.figure).map((r) => r.figure!) : [])));
    expect(used.size).toBe(draft.figures.length);
    const industry = draft.figures.find((f) => f.label === '项目个数（工业）')!;
    expect(industry.text).toBe('311');
    expect(industry.definition).toBeTruthy();
    const behind = projectsBehind(demo.ctx, { ...industry.source, filter: industry.source.filter });
    expect(behind.length).toBe(311);
    expect(new Set(behind.map((p) => p.category))).toEqual(new Set(['工业']));
  });
});

describe('proposal reply (seed 004)', () => {
  it('reproduces the reply’s paragraph and the problems raised and solved', () => {
    const draft = buildDraft(reply.ctx, {
      kind: 'proposal-reply',
      year: 2023,
      month: 8,
      params: { answerCategory: 'A', signer: '李明', session: '政协秦皇岛市第十四届委员会第三次会议', proposalNumber: '143277', proposalTitle: '关于加快推进重点项目建设 推进县域经济高质量发展的提案', addressee: '王媛', office: '秦皇岛市发展和改革委员会', date: '2023年9月30日', contact: '张三', phone: '0335-1234567' },
    });
    const text = textOf(draft);
    expect(text).toContain('关于政协秦皇岛市第十四届委员会第三次会议第143277号提案的答复');
    expect(text).toContain('王媛委员：');
    expect(text).toContain('您提出的《关于加快推进重点项目建设 推进县域经济高质量发展的提案》收悉。经认真研究，现答复如下：');
    expect(text).toContain('今年安排省、市重点建设项目270项，总投资1372.23亿元，年计划投资380.52亿元。1-8月，完成投资340.43亿元，投资完成率89.5%');
    expect(text).toContain('今年列入省重点建设项目27项，总投资353.89亿元，年计划投资85.7亿元。1-8月，完成投资50.64亿元，投资完成率59.1%');
    expect(text).toContain('截至8月底，24个项目需解决问题31个，已解决19个。');
    expect(text).toContain('办复类别：A');
    expect(draft.blocks.find((b) => b.kind === 'signature')).toEqual({ kind: 'signature', office: '秦皇岛市发展和改革委员会', date: '2023年9月30日' });
  });

  it('re-generated after an edit shows the new numbers', () => {
    const db = reply.ctx.library!.db;
    const id = (db.prepare("SELECT id FROM projects WHERE name = '省重点建设项目1'").get() as { id: number }).id;
    const before = db.prepare('SELECT completed_to_date FROM progress_reports WHERE project_id = ? AND year = 2023 AND month = 8').get(id) as { completed_to_date: number };
    writeReport(db, { project_id: id, year: 2023, month: 8, completed_to_date: money(before.completed_to_date + 100_000_000), started: 1, resumed: 1, start_date: null, in_statistics: 1, completed: 0, in_production: 0, visual_progress: null, reported_at: '2023-08-26' });
    const text = textOf(buildDraft(reply.ctx, { kind: 'proposal-reply', year: 2023, month: 8 }));
    expect(text).toContain('1-8月，完成投资341.43亿元');
    expect(text).toContain('1-8月，完成投资51.64亿元');
    writeReport(db, { project_id: id, year: 2023, month: 8, completed_to_date: money(before.completed_to_date), started: 1, resumed: 1, start_date: null, in_statistics: 1, completed: 0, in_production: 0, visual_progress: null, reported_at: '2023-08-25' });
  });
});

describe('the official layout in the .docx', () => {
  it('has A4, the margins, the 22 × 28 grid, East Asian fonts on every run and "— N —" on alternating sides', async () => {
    const { bytes } = await draftDocx(demo.ctx, { kind: 'bulletin', year: 2024, month: 8, params: { office: '威海市发展和改革委员会', date: '2024年9月30日' } });
    const parts = docxParts(bytes);
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    for (const [k, v] of Object.entries({ top: 2098, bottom: 1984, left: 1587, right: 1474 })) expect(margins).toContain(`w:${k}="${v}"`);
    expect(doc).toMatch(/<w:docGrid (?=[^>]*w:type="linesAndChars")(?=[^>]*w:linePitch="579")(?=[^>]*w:charSpace="-848")/);
    const runs = doc.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    const textRuns = runs.filter((r) => r.includes('<w:t'));
    expect(textRuns.length).toBeGreaterThan(100);
    expect(textRuns.filter((r) => !/w:eastAsia="[^"]+"/.test(r))).toEqual([]);
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('w:eastAsia="黑体"');
    // Odd pages right, even pages left, each with a PAGE field between dashes.
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders');
    const refs = [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"/g)].map((m) => m[1]);
    expect(refs.sort()).toEqual(['default', 'even']);
    const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(paragraphTexts(f).join('')).toBe('—  —');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(['left', 'right']);
    // Tables: explicit widths on the table, every column and cell; the header row repeats.
    expect(doc).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc.match(/<w:tc>/g)!.length).toBe(doc.match(/<w:tcW w:type="dxa"/g)!.length);
    // Two charts as PNG images.
    expect(Object.keys(docxParts(bytes)).length).toBeGreaterThan(5);
    expect(Object.keys((await import('fflate')).unzipSync(bytes)).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'))).toHaveLength(2);
  }, 60_000); // the bulletin with its two charts: over 5 s on a loaded machine

  it('places the signature and date as GB/T 9704 says', () => {
    // "威海市发展和改革委员会" (11 characters) over "2024年9月30日" (3 Chinese + 7 digits at half width = 6.5):
    // the date starts two characters right of the signature's start, so it ends 4.5 from the right.
    expect(signatureIndents('威海市发展和改革委员会', '2024年9月30日')).toEqual({ office: 2, date: 4.5 });
    // A date longer than the office ("2024年12月31日" = 7): the date keeps two characters, the office moves left.
    expect(signatureIndents('市发改委', '2024年12月31日')).toEqual({ office: 7, date: 2 });
  });

  it('renders every draft in LibreOffice with its text and page numbers', async () => {
    for (const kind of ['press-conference', 'proposal-reply', 'bulletin'] as const) {
      const lib = kind === 'proposal-reply' ? reply : demo;
      const year = kind === 'proposal-reply' ? 2023 : 2024;
      const { bytes } = await draftDocx(lib.ctx, { kind, year, month: 8, params: { office: '市发展和改革委员会', date: `${year}年9月30日` } });
      const pdf = renderWithLibreOffice(bytes);
      expect(pdf.pages, kind).toBeGreaterThan(kind === 'proposal-reply' ? 0 : 2);
      expect(pdf.pagesText[0], kind).toContain('—1—');
      if (pdf.pages > 1) expect(pdf.pagesText[1], kind).toContain('—2—');
      if (kind === 'press-conference') expect(pdf.text).toContain('896个，总投资4399.6亿元，年度计划投资1041.9亿元');
      if (kind === 'proposal-reply') expect(pdf.text).toContain('270项，总投资1372.23亿元，年计划投资380.52亿元');
      // The demo has new projects due and not started since issue 15.7, and red and yellow ones:
      // the district table, the unstarted list and the warning list, and no fourth.
      if (kind === 'bulletin') expect(pdf.text).toMatch(/附件1各区市[\s\S]*附件2已到开工时间未开工新建项目名单[\s\S]*附件3红黄预警项目名单/);
      if (kind === 'bulletin') expect(pdf.text).not.toContain('附件4');
    }
  }, 180_000);

  it('writes text from the data safely: markup as text, characters XML cannot hold dropped', async () => {
    const db = demo.ctx.library!.db;
    const id = (db.prepare('SELECT id FROM projects ORDER BY id LIMIT 1').get() as { id: number }).id;
    const old = (db.prepare('SELECT name FROM projects WHERE id = ?').get(id) as { name: string }).name;
    db.prepare('UPDATE projects SET name = ? WHERE id = ?').run('<w:t>注入</w:t>&amp;\u0001\u0008项目\uFFFE', id);
    try {
      // An unstarted new project or a warned one appears by name in the bulletin's attachments.
      db.prepare("UPDATE year_plans SET nature = 'new', planned_start_month = 1 WHERE project_id = ? AND year = 2024").run(id);
      db.prepare('UPDATE progress_reports SET started = 0 WHERE project_id = ? AND year = 2024').run(id);
      const { bytes } = await draftDocx(demo.ctx, { kind: 'bulletin', year: 2024, month: 8 });
      const doc = docxParts(bytes)['word/document.xml']!;
      const { DOMParser } = await import('@xmldom/xmldom');
      const errors: string[] = [];
      new DOMParser({ errorHandler: { warning: () => undefined, error: (m: string) => void errors.push(m), fatalError: (m: string) => void errors.push(m) } }).parseFromString(doc, 'text/xml');
      expect(errors).toEqual([]);
      // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
      expect(doc).not.toMatch(/[\u0001\u0008\uFFFE]/);
      expect(paragraphTexts(doc)).toContain('<w:t>注入</w:t>&amp;项目');
    } finally {
      db.prepare('UPDATE projects SET name = ? WHERE id = ?').run(old, id);
    }
  });
});

describe('templates the office can change', () => {
  it('refuses an unknown field when saved, uses a valid one, and goes back to the default', () => {
    expect(() => setTemplate(demo.ctx, 'press.overall', '重点项目{projectz}个')).toThrow(/字段\{projectz\}不存在/);
    expect(() => setTemplate(demo.ctx, 'press.overall', '重点项目{projects个')).toThrow(/不成对/);
    setTemplate(demo.ctx, 'press.overall', '今年共有重点项目{projects}个，年度计划投资{annualPlan}。');
    expect(textOf(buildDraft(demo.ctx, { kind: 'press-conference', year: 2024, month: 8 }))).toContain('今年共有重点项目896个，年度计划投资1041.9亿元。');
    expect(listTemplates(demo.ctx).find((t) => t.key === 'press.overall')!.changed).toBe(true);
    resetTemplates(demo.ctx, 'press.overall');
    expect(textOf(buildDraft(demo.ctx, { kind: 'press-conference', year: 2024, month: 8 }))).toContain('全市共确定省市县三级重点项目896个');
  });
});

describe('包联 pages and 督办单', () => {
  it('gives each contact leader one A4 page with his projects, warnings and open problems, all in one document', async () => {
    const st = (await import('../../electron/services/statistics')).statistics(demo.ctx.library!.db, 2024, 8);
    const leaders = st.byContactLeader.filter((l) => l.projects > 0);
    expect(leaders.length).toBeGreaterThanOrEqual(32); // 32 city leaders, and the districts' for county projects
    const one = buildDraft(demo.ctx, { kind: 'leader-pages', year: 2024, month: 8, params: { leader: leaders[0]!.key } });
    expect(textOf(one)).toContain(`${leaders[0]!.key}同志联系重点项目情况`);
    expect(textOf(one)).toContain(`联系重点项目${leaders[0]!.projects}个`);
    const table = one.blocks.find((b) => b.kind === 'table') as Extract<Draft['blocks'][number], { kind: 'table' }>;
    expect(table.rows).toHaveLength(leaders[0]!.projects);
    expect(table.columns.reduce((n, c) => n + c.width, 0)).toBeCloseTo(156, 6);
    // 未解决问题 only where some project has one (the sentence says 无未解决问题 otherwise).
    const pages = buildDraft(demo.ctx, { kind: 'leader-pages', year: 2024, month: 8, params: {} });
    const sentences = pages.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { runs: { text: string }[] }).runs.map((r) => r.text).join(''));
    const tables = pages.blocks.filter((b): b is Extract<Draft['blocks'][number], { kind: 'table' }> => b.kind === 'table');
    expect(tables.map((t) => t.columns.some((c) => c.title === '未解决问题'))).toEqual(sentences.map((s) => /未解决问题\d/.test(s)));
    expect(tables.some((t) => t.columns.some((c) => c.title === '未解决问题'))).toBe(true);
    expect(tables.some((t) => !t.columns.some((c) => c.title === '未解决问题'))).toBe(true);
    const { bytes } = await draftDocx(demo.ctx, { kind: 'leader-pages', year: 2024, month: 8, params: { office: '市重点项目建设指挥部' } });
    const pdf = renderWithLibreOffice(bytes);
    // Each leader starts a page; a city leader's (8 or 9 projects) is exactly one page. (The districts'
    // 分管负责同志 contact some 80 county projects each: their lists run over several pages.)
    // "张宗浩同志", but "分管负责同志" is not given a second 同志.
    const starts = leaders.map((l) => pdf.pagesText.findIndex((text) => text.startsWith(`${l.key.endsWith('同志') ? l.key : `${l.key}同志`}联系重点项目情况`)));
    expect(starts.every((s) => s >= 0)).toBe(true);
    const next = (i: number) => Math.min(...starts.filter((s) => s > starts[i]!), pdf.pages);
    leaders.forEach((l, i) => {
      if (l.projects <= 10) expect(next(i) - starts[i]!, l.key).toBe(1);
    });
  }, 120_000);

  it('writes a supervision notice for a problem, addressed to its responsible department', async () => {
    const db = reply.ctx.library!.db;
    const problem = db.prepare("SELECT id, description FROM problems WHERE status = 'open' ORDER BY id LIMIT 1").get() as { id: number; description: string };
    const draft = buildDraft(reply.ctx, { kind: 'supervision', year: 2023, month: 8, params: { problemId: String(problem.id), deadline: '2023年10月15日', office: '市重点项目建设指挥部办公室' } });
    const text = textOf(draft);
    expect(text).toContain('自然资源和规划局：');
    expect(text).toContain(`该项目反映的“${problem.description}”问题（用地类`);
    expect(text).toContain('于2023年10月15日前研究解决');
    const pdf = renderWithLibreOffice((await draftDocx(reply.ctx, { kind: 'supervision', year: 2023, month: 8, params: { problemId: String(problem.id) } })).bytes);
    expect(pdf.text).toContain('重点项目督办单');
    expect(pdf.text).toContain(problem.description);
    await expect(async () => buildDraft(reply.ctx, { kind: 'supervision', year: 2023, month: 8, params: { problemId: '999999' } })).rejects.toThrow(/问题（编号999999）不存在/);
  }, 60_000);

  it('rounds table amounts half-up, never truncates', async () => {
    const { formatMoneyTable } = await import('../../shared/format');
    expect(formatMoneyTable(1_041_499_999, '亿元')).toBe('10.41');
    expect(formatMoneyTable(1_041_500_000, '亿元')).toBe('10.42');
    expect(formatMoneyTable(1_041_999_999, '亿元')).toBe('10.42');
    expect(formatMoneyTable(1_045_000_000, '亿元')).toBe('10.45');
    expect(formatMoneyTable(104_194_500_000, '亿元')).toBe('1,041.95');
    expect(formatMoneyTable(12_345_678, '万元')).toBe('1,234.57');
  });
});
