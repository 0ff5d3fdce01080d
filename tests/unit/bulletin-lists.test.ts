/**
 * The bulletin as real ones are (issue 15.3), on a library built through the contract with known
 * lagging, unstarted, stopped and unreported projects (tests/helpers/lagging-library.ts): each is
 * named with its reason; rankings, problems by type, 较上月; the attachments are exactly those the
 * 附件说明 lists; tables are 156 mm with one decimal style a column; 期号, 发文字号 and 版记; the
 * date is the month's, not today's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDraft, draftDocx } from '../../electron/services/drafts/index';
import { COLOPHON_SLACK } from '../../electron/services/drafts/docx-writer';
import type { Block, Draft } from '../../shared/drafts';
import { docxParts } from '../helpers/docx';
import { fillLaggingLibrary, OPEN_PROBLEM } from '../helpers/lagging-library';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

const textOf = (draft: Draft) => draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
type Table = Extract<Block, { kind: 'table' }>;

let lib: TempLibrary;
let draft: Draft;
let text: string;
beforeAll(async () => {
  let now = new Date(2024, 6, 3, 10);
  lib = createTempLibrary({ now: () => now });
  await fillLaggingLibrary(lib);
  now = new Date(2026, 0, 5);
  draft = buildDraft(lib.ctx, { kind: 'bulletin', year: 2024, month: 6, params: { office: '市发展和改革委员会' } });
  text = textOf(draft);
}, 120_000);
afterAll(() => lib.close());

describe('the bulletin names every lagging project with its reason', () => {
  it('red and yellow projects with （投资滞后）/（开工滞后）/（未报送）', () => {
    // 西湖学校建设 is a month late to start and 50 points behind: red, for its start.
    expect(text).toContain('红色预警项目4个：东岸冷链物流中心（开工滞后）、西湖学校建设（开工滞后）、滨海新材料产业园（投资滞后）和南城医疗中心（未报送）；黄色预警项目1个：北山污水处理厂（投资滞后）。名单见附件3。');
    // The ahead ones are not named as lagging.
    expect(text).not.toMatch(/海港大道改造工程（/);
  });

  it('projects due to start and not started, with the reason their open problems give', () => {
    expect(text).toContain(`新建项目中尚未开工的2个，均已到开工时间节点：东岸冷链物流中心（因${OPEN_PROBLEM}尚未开工）和西湖学校建设（尚未开工）。名单见附件2。`);
    expect(text).toContain('续建项目尚未复工（停工）的1个：老旧小区改造。');
    expect(text).toContain('本月未报送调度数据的项目1个（乙区1个）：南城医疗中心。');
  });

  it('levels each in a sentence with the gap to 时序进度, districts as an order and a line each', () => {
    // 省级: 800 + 100 of 2000 = 45%, 5 points below 50%.
    expect(text).toContain('省重点项目2个，完成投资900万元，完成年度计划投资的45%，低于时序进度5个百分点。');
    expect(text).toContain('投资完成率排名由高到低依次是：甲区、乙区。');
    // 甲区: 2050 of 4000 = 51.3%, 2 of 4 started; 乙区: 500 of 4000, 3 of 4.
    expect(text).toContain('甲区项目4个，开复工2个，开复工率50%，投资完成率51.3%；乙区项目4个，开复工3个，开复工率75%，投资完成率12.5%。');
    expect(text).not.toContain('均低于时序进度');
  });

  it('problems by type with the oldest open one, and what changed since last month', () => {
    expect(text).toContain('截至6月底，2个项目共反映问题2个，已解决1个，尚未解决1个。从类型看，用地问题1个。');
    expect(text).toMatch(/1\.东岸冷链物流中心：用地指标未落实（2024年2月10日提出，责任单位：自然资源和规划局）。/);
    // May: 1480 (+100 carried) of 8000; June: 2550 of 8000.
    // May: 1980 + 100 carried of 8000 = 26%; June: 2550 of 8000 = 31.9%. Nobody started in June: no such clause.
    expect(text).toContain('投资完成率比上月提高5.9个百分点；本月解决问题1个。');
  });

  it('is dated by the month’s reports, not by today', () => {
    const signature = draft.blocks.find((b) => b.kind === 'signature') as Extract<Block, { kind: 'signature' }>;
    // Reports were entered on 2024-07-03; the draft is made in 2026.
    expect(signature.date).toBe('2024年7月3日');
  });
});

describe('attachments, tables and the document’s fields', () => {
  it('attaches only what has projects, and the 附件说明 repeats the attachments’ titles exactly', () => {
    const note = draft.blocks.find((b) => b.kind === 'attachments') as Extract<Block, { kind: 'attachments' }>;
    const titles = draft.blocks.filter((b) => b.kind === 'attachment').map((b) => (b as Extract<Block, { kind: 'attachment' }>).title);
    expect(note.items).toEqual(titles);
    expect(titles).toEqual(['各区市重点项目推进情况表（2024年1-6月）', '已到开工时间未开工新建项目名单（截至6月底）', '红黄预警项目名单（截至6月底）']);
    draft.blocks.filter((b) => b.kind === 'attachment').forEach((b, i) => expect((b as Extract<Block, { kind: 'attachment' }>).number).toBe(i + 1));
    expect(text).toContain('名单见附件3。');
    expect(text).toContain('详见附件1');
  });

  it('every table 156 mm wide, percent columns fit "100.0%", one decimal style a column, no thousands separators', () => {
    const tables = draft.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const t of tables) {
      expect(t.columns.reduce((n, c) => n + c.width, 0)).toBeCloseTo(156, 6);
      t.columns.forEach((c, i) => {
        const cells = t.rows.map((r) => r[i]!.map((x) => x.text).join('')).filter((s) => /^-?\d/.test(s));
        if (cells.some((s) => s.endsWith('%'))) expect(c.width, c.title).toBeGreaterThanOrEqual(21);
        const decimals = new Set(cells.map((s) => /\.(\d+)/.exec(s)?.[1]?.length ?? 0));
        expect(decimals.size, `${t.caption} ${c.title}: ${cells.join(' ')}`).toBeLessThanOrEqual(1);
        expect(cells.some((s) => s.includes(',')), c.title).toBe(false);
      });
    }
    // The lists print 责任单位 (the library has them) and leave out 包联领导 (it has none).
    const warnings = tables.find((t) => t.columns.some((c) => c.title === '滞后原因'))!;
    expect(warnings.columns.map((c) => c.title)).toEqual(['序号', '项目名称', '区市', '预警', '滞后原因', '责任单位']);
    const level = tables.find((t) => t.caption.startsWith('表1'))!;
    expect(level.rows.map((r) => r[5]!.map((x) => x.text).join(''))).toContain('100.0%');
  });

  it('prints 期号 and 发文字号 above the title and the 抄送/印发 block at the end', async () => {
    const params = { issueNumber: '6', documentNumber: '威发改〔2024〕12号', copyTo: '市委办公室，市政府办公室', printer: '市发展和改革委员会办公室', date: '2024年7月5日' };
    const withFields = buildDraft(lib.ctx, { kind: 'bulletin', year: 2024, month: 6, params });
    expect(withFields.blocks[0]).toEqual({ kind: 'documentNumber', text: '第6期\u3000\u3000威发改〔2024〕12号' });
    expect(withFields.blocks.at(-1)).toEqual({ kind: 'colophon', copyTo: '市委办公室，市政府办公室', printer: '市发展和改革委员会办公室', printDate: '2024年7月5日' });
    const { bytes } = await draftDocx(lib.ctx, { kind: 'bulletin', year: 2024, month: 6, params });
    const xml = docxParts(bytes)['word/document.xml']!;
    // The 版记 page: a spacer as tall as the text block less the table's two exact lines, so its
    // last line ends on the block's bottom edge; the outer lines thicker than the inner one.
    const spacer = 12756 - 2 * 579 - COLOPHON_SLACK;
    expect(xml).toMatch(new RegExp(`<w:pageBreakBefore/><w:spacing [^>]*w:line="${spacer}" w:lineRule="exact"/></w:pPr></w:p><w:tbl>`));
    expect(xml).toMatch(/<w:top w:val="single"[^>]*w:sz="8"/);
    expect(xml).toMatch(/<w:insideH w:val="single"[^>]*w:sz="6"/);
    expect(xml).toContain('抄送：市委办公室，市政府办公室。');
    expect(xml).toContain('2024年7月5日印发');
    // Without them, neither is printed.
    expect(draft.blocks.some((b) => b.kind === 'documentNumber' || b.kind === 'colophon')).toBe(false);
  }, 60_000);
});
