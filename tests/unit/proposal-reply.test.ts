/**
 * 提案（建议）答复 of every kind (issue 15.4), checked in the blocks and in the .docx XML: 提案 and
 * 建议, 答复 and 答复函, 主办 and 协办; salutations; the office's 办复类别 scheme from 设置; 签发人
 * in 楷体 one character in; the 附注 (contact) two characters in under the date; 抄送 in the
 * 版记; the 信函格式 (30 mm, red double lines 170 mm, no page number on page one) and the public
 * version without contact details. Rendered by LibreOffice as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDraft, draftDocx } from '../../electron/services/drafts/index';
import { replyCategories, setReplyCategories } from '../../electron/services/drafts/reply-categories';
import { STYLE } from '../../electron/services/drafts/docx-layout';
import { DEFAULT_REPLY_CATEGORIES, REPLY_CATEGORY_PRESETS } from '../../shared/drafts-reply';
import type { Draft } from '../../shared/drafts';
import { docxParts, paragraphTexts, renderWithLibreOffice } from '../helpers/docx';
import { createTempLibrary, type TempLibrary } from '../helpers/library';
import { seedReply004 } from '../helpers/sample';

const TWIPS_PER_MM = 1440 / 25.4;
const BASE = {
  answerCategory: 'A',
  signer: '李明',
  session: '政协秦皇岛市第十四届委员会第三次会议',
  proposalNumber: '143277',
  proposalTitle: '关于加快推进重点项目建设 推进县域经济高质量发展的提案',
  addressee: '王媛',
  office: '秦皇岛市发展和改革委员会',
  date: '2023年9月30日',
  contactUnit: '市发展改革委重点项目科',
  contact: '张三',
  phone: '0335-1234567',
  copyTo: '市政府督查室，市政协提案委',
};
const textOf = (draft: Draft) => draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
const paragraphs = (xml: string) => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? ([] as string[]);
const textOfXml = (p: string) => paragraphTexts(p).join('');

let lib: TempLibrary;
const build = (params: Record<string, string>) => buildDraft(lib.ctx, { kind: 'proposal-reply', year: 2023, month: 8, params: { ...BASE, ...params } });
const docx = async (params: Record<string, string>) => docxParts((await draftDocx(lib.ctx, { kind: 'proposal-reply', year: 2023, month: 8, params: { ...BASE, ...params } })).bytes);

beforeAll(() => {
  lib = createTempLibrary({ now: () => new Date(2023, 8, 30) });
  seedReply004(lib.ctx.library!.db, 2023);
});
afterAll(() => lib.close());

describe('replies of every kind', () => {
  it('a 政协提案 answered by the 主办 unit: 委员, 您, the 会商 units, the problems sentence', () => {
    const text = textOf(build({ consulted: '市自然资源和规划局、市住房城乡建设局' }));
    expect(text).toContain('关于政协秦皇岛市第十四届委员会第三次会议第143277号提案的答复\n');
    expect(text).toContain('王媛委员：');
    expect(text).toContain('您提出的《关于加快推进重点项目建设 推进县域经济高质量发展的提案》收悉。经认真研究并商市自然资源和规划局、市住房城乡建设局，现答复如下：');
    expect(text).toContain('截至8月底，24个项目需解决问题31个，已解决19个。');
    expect(text).toContain('感谢您对全市重点项目建设工作的关心和支持。');
    expect(text).toContain('办复类别：A');
  });

  it('a 人大建议 of several 代表 as a 答复函: "×××等N名代表", 你们', () => {
    const text = textOf(build({ proposalKind: '人大建议', replyForm: '答复函', coProposers: '5', session: '市十七届人大三次会议', proposalNumber: '12', proposalTitle: '关于加快重点项目建设的建议' }));
    expect(text).toContain('关于市十七届人大三次会议第12号建议的答复函');
    expect(text).toContain('王媛等5名代表：');
    expect(text).toContain('你们提出的《关于加快重点项目建设的建议》收悉。');
    expect(text).toContain('感谢你们对');
    expect(textOf(build({ proposalKind: '人大建议' }))).toContain('王媛代表：');
  });

  it('a 协办 reply is marked as such and carries no 办复类别 (the 主办 unit gives it)', () => {
    const draft = build({ role: '协办' });
    const text = textOf(draft);
    expect(text).toContain('第143277号提案的协办答复');
    expect(text).toContain('协办答复\n');
    expect(text).toContain('我单位作为协办单位，经认真研究，现将有关情况答复如下：');
    expect(text).not.toContain('办复类别');
  });

  it('takes the 办复类别 from the office’s scheme in 设置 (A–D by default, or 甲乙丙), and says when a code is not in it', () => {
    expect(replyCategories(lib.ctx.library!.db)).toEqual(DEFAULT_REPLY_CATEGORIES);
    expect(DEFAULT_REPLY_CATEGORIES.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D']);
    setReplyCategories(lib.ctx, REPLY_CATEGORY_PRESETS['甲乙丙']);
    try {
      expect(textOf(build({ answerCategory: '乙' }))).toContain('办复类别：乙');
      const wrong = build({ answerCategory: 'A' });
      expect(textOf(wrong)).toContain('办复类别：【请补充：办复类别】');
      expect(wrong.problems).toEqual(['办复类别“A”不在本单位的分类中（甲、乙、丙），请在“设置 > 办复类别”中查看']);
      expect(() => setReplyCategories(lib.ctx, [{ code: '甲', definition: '已解决' }, { code: '甲', definition: '正在解决' }])).toThrow('办复类别代号“甲”重复');
      expect(() => setReplyCategories(lib.ctx, [{ code: '甲', definition: ' ' }])).toThrow('办复类别“甲”缺少含义');
    } finally {
      setReplyCategories(lib.ctx, DEFAULT_REPLY_CATEGORIES);
    }
  });

  it('puts 签发人 flush right one character in, its name in 楷体, and the contact 附注 two characters in under the date', async () => {
    const parts = await docx({});
    const ps = paragraphs(parts['word/document.xml']!);
    const signer = ps.find((p) => textOfXml(p) === '签发人：李明')!;
    expect(signer).toMatch(/<w:jc w:val="right"\/>/);
    expect(signer).toMatch(/<w:ind [^>]*w:right="320"/);
    const runs = signer.match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    expect(runs.find((r) => r.includes('签发人：'))).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runs.find((r) => r.includes('李明'))).toContain('w:eastAsia="楷体_GB2312"');
    // A blank line between it and the title.
    const at = ps.indexOf(signer);
    expect(textOfXml(ps[at + 1]!)).toBe('');
    expect(ps[at + 2]).toContain(`w:val="${STYLE.title}"`);
    // The 附注 is the paragraph right after the date, indented two characters, in parentheses.
    const date = ps.findIndex((p) => textOfXml(p) === '2023年9月30日');
    const note = ps[date + 1]!;
    expect(textOfXml(note)).toBe('（联系单位：市发展改革委重点项目科，联系人：张三，联系电话：0335-1234567）');
    expect(note).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
  });

  it('writes 抄送 in the 版记: 4号 one character in, between 0.35 mm lines, on the last page', async () => {
    const doc = (await docx({}))['word/document.xml']!;
    const table = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!.find((t) => paragraphTexts(t).join('').startsWith('抄送：'))!;
    expect(paragraphTexts(table)).toEqual(['抄送：市政府督查室，市政协提案委。']);
    expect(table).toMatch(/<w:sz w:val="28"\/>/);
    expect(table).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="single" w:color="000000" w:sz="8"[\s\S]*<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    // It comes after the 附注, the last thing of the reply.
    expect(doc.indexOf('抄送：')).toBeGreaterThan(doc.indexOf('0335-1234567'));
    expect(textOf(build({ copyTo: '' }))).not.toContain('抄送');
    expect(build({ copyTo: '抄送：市政府督查室。' }).blocks.at(-1)).toEqual({ kind: 'colophon', copyTo: '市政府督查室', printer: null, printDate: '2023年9月30日' });
  });

  it('as a letter (信函格式): the office in red 30 mm from the top, red double lines 170 mm long, no page number on page one', async () => {
    const parts = await docx({ letterFormat: '是' });
    const doc = parts['word/document.xml']!;
    expect(doc).toContain('<w:titlePg/>');
    expect(doc).toMatch(/<w:pgMar [^>]*w:header="1701"/);
    expect(Math.round(1701 / TWIPS_PER_MM)).toBe(30);
    const first = (type: 'header' | 'footer') => {
      const id = new RegExp(`<w:${type}Reference w:type="first" r:id="(\\w+)"`).exec(doc)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(parts['word/_rels/document.xml.rels']!)!;
      return parts[`word/${target[1] ?? target[2]}`]!;
    };
    const header = first('header');
    expect(paragraphTexts(header)).toEqual(['秦皇岛市发展和改革委员会']);
    expect(header).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(header).toContain('w:eastAsia="方正小标宋简体"');
    expect(header).toMatch(/<w:bottom w:val="thickThinSmallGap" w:color="FF0000"/);
    // The line reaches from 20 mm to 190 mm across the 210 mm page: 170 mm, centred.
    const indent = (xml: string) => /<w:ind w:left="(-?\d+)" w:right="(-?\d+)"/.exec(xml)!.slice(1).map(Number);
    const [left, right] = indent(header);
    expect(Math.round((1587 + left!) / TWIPS_PER_MM)).toBe(20);
    expect(Math.round((1474 + right!) / TWIPS_PER_MM)).toBe(20);
    expect(Math.round((11906 - 1587 - 1474 - left! - right!) / TWIPS_PER_MM)).toBe(170);
    const footer = first('footer');
    expect(footer).not.toContain('PAGE');
    expect(footer).toMatch(/<w:bottom w:val="thinThickSmallGap" w:color="FF0000"/);
    expect(indent(footer)).toEqual([left, right]);
    // The other pages keep their page numbers.
    const others = [...doc.matchAll(/<w:footerReference w:type="(default|even)" r:id="(\w+)"/g)];
    expect(others).toHaveLength(2);
    // Without the option: no title page, no letterhead.
    const plain = (await docx({}))['word/document.xml']!;
    expect(plain).not.toContain('<w:titlePg/>');
    expect(plain).not.toContain('w:type="first"');
  });

  it('the public version leaves out the contact details and the 签发人', async () => {
    const draft = build({ version: '公开版' });
    expect(draft.name).toBe('关于政协秦皇岛市第十四届委员会第三次会议第143277号提案的答复（公开版）');
    const doc = (await docx({ version: '公开版' }))['word/document.xml']!;
    for (const gone of ['联系人', '联系电话', '0335-1234567', '张三', '签发人', '李明']) expect(doc).not.toContain(gone);
    expect(paragraphTexts(doc).join('\n')).toContain('截至8月底，24个项目需解决问题31个，已解决19个。');
  });

  it('renders in LibreOffice: the letter’s first page has its office name and no page number, page two has "— 2 —"', async () => {
    const { bytes } = await draftDocx(lib.ctx, { kind: 'proposal-reply', year: 2023, month: 8, params: { ...BASE, letterFormat: '是' } });
    const pdf = renderWithLibreOffice(bytes);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pagesText[0]).toMatch(/^秦皇岛市发展和改革委员会/);
    expect(pdf.pagesText[0]).not.toMatch(/—1—/);
    expect(pdf.pagesText[1]).toMatch(/—2—/);
  }, 120_000);
});
