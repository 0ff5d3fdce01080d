/**
 * The layout points Word and WPS draw differently from LibreOffice, checked in the .docx XML of
 * every draft kind (our renderings come from LibreOffice, which would not show them): picture
 * paragraphs single-spaced and off the grid, as wide as the text block; captions, titles, table
 * text and page numbers off the grid; Chinese language tag; indents in characters; the page
 * number 7 mm under the text block; every font in the font table with a fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { draftDocx } from '../../electron/services/drafts/index';
import { FOOTER_DISTANCE, MARGIN, PAGE_NUMBER_LINE, STYLE, titleLines } from '../../electron/services/drafts/docx-layout';
import { DEFAULT_FONTS, DRAFT_KINDS } from '../../shared/drafts';
import { docxParts } from '../helpers/docx';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

const EMU_PER_MM = 36_000;
const TWIPS_PER_MM = 1440 / 25.4;

let demo: TempLibrary;
let parts: Record<string, string>;
beforeAll(async () => {
  demo = createTempLibrary({ now: () => new Date(2024, 8, 30) });
  fillDemoLibrary(demo.ctx.library!.db, 'x');
  parts = docxParts((await draftDocx(demo.ctx, { kind: 'bulletin', year: 2024, month: 8, params: { office: '威海市发展和改革委员会', date: '2024年9月30日' } })).bytes);
}, 120_000);
afterAll(() => demo.close());

/** The paragraphs of a part, each as its XML. */
const paragraphs = (xml: string) => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];
const styleOf = (p: string) => /<w:pStyle w:val="(\w+)"\/>/.exec(p)?.[1] ?? null;
/** A paragraph style's XML in styles.xml. */
const style = (id: string) => new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(parts['word/styles.xml']!)?.[0] ?? '';

describe('the bulletin in Word and WPS', () => {
  it('keeps the signature with what precedes it, so it never stands alone on a page', () => {
    const all = paragraphs(parts['word/document.xml']!);
    const office = all.findIndex((p) => p.includes('威海市发展和改革委员会</w:t>'));
    expect(office).toBeGreaterThan(2);
    // The blank line above it and the 附件说明's last line: each keeps with the next.
    expect(all[office - 1]).toMatch(/<w:keepNext\/>/);
    expect(all[office - 2]).toMatch(/<w:keepNext\/>/);
    expect(all[office - 2]).toMatch(/红黄预警项目名单/);
  });

  it('puts each chart in a single-spaced paragraph off the grid, as wide as the text block and no taller', () => {
    const pictures = paragraphs(parts['word/document.xml']!).filter((p) => p.includes('<w:drawing>'));
    expect(pictures).toHaveLength(2);
    for (const p of pictures) {
      expect(styleOf(p)).toBe(STYLE.picture);
      // Nothing of its own that would bring back the exact 28.95 pt line.
      expect(p).not.toMatch(/<w:spacing [^>]*w:lineRule="exact"/);
      const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(p)!.slice(1).map(Number) as [number, number];
      expect(cx / EMU_PER_MM).toBeGreaterThan(150);
      expect(cx / EMU_PER_MM).toBeLessThanOrEqual(156);
      expect(cy / EMU_PER_MM).toBeLessThanOrEqual(225);
      expect(p).toMatch(/<wp:inline/);
    }
    const picture = style(STYLE.picture);
    expect(picture).toMatch(/<w:snapToGrid w:val="0"\/><w:spacing [^>]*w:line="240"[^>]*w:lineRule="auto"/);
  });

  it('takes captions, titles, table text and page numbers off the grid; the body stays on it', () => {
    for (const id of [STYLE.caption, STYLE.title, STYLE.tableText, STYLE.pageNumber]) expect(style(id), id).toMatch(/<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:snapToGrid w:val="0"\/><w:spacing /);
    const doc = parts['word/document.xml']!;
    const all = paragraphs(doc);
    // The title, every chart caption and every table cell use their styles.
    expect(all.filter((p) => styleOf(p) === STYLE.title).length).toBeGreaterThanOrEqual(1);
    // Attachment titles too (on the grid a 2号 line took two grid lines), and one too long for a
    // line breaks before its bracket, not inside it.
    const titles = all.filter((p) => styleOf(p) === STYLE.title).map((p) => p.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, ''));
    expect(titles).toContain('已到开工时间未开工新建项目名单\n（截至8月底）');
    expect(titles).toContain('各区市重点项目推进情况表\n（2024年1-8月）'); // 19.5 characters: at the edge
    expect(titleLines('已到开工时间未开工新建项目名单（截至12月底）')).toEqual(['已到开工时间未开工新建项目名单', '（截至12月底）']);
    expect(titleLines('2024年1-8月全市重点项目建设情况通报')).toEqual(['2024年1-8月全市重点项目建设情况通报']);
    expect(all.filter((p) => styleOf(p) === STYLE.caption).length).toBeGreaterThanOrEqual(2);
    const cells = doc.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
    expect(cells.length).toBeGreaterThan(20);
    for (const cell of cells) for (const p of paragraphs(cell)) expect(styleOf(p)).toBe(STYLE.tableText);
    // Body paragraphs: no style of their own, exact grid lines, first line in characters.
    const body = all.filter((p) => styleOf(p) === null && /w:firstLine/.test(p));
    expect(body.length).toBeGreaterThan(10);
    for (const p of body) {
      expect(p).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
      expect(p).toMatch(/w:line="579" w:lineRule="exact"|w:lineRule="exact"[^>]*w:line="579"|<w:spacing [^>]*w:line="579"/);
    }
    expect(parts['word/document.xml']).toMatch(/<w:docGrid [^>]*w:type="linesAndChars"/);
  });

  it('tags the text Chinese, so quotation marks are full width', () => {
    expect(parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('sets the page number 7 mm under the text block', () => {
    const margins = /<w:pgMar ([^>]*)\/>/.exec(parts['word/document.xml']!)![1]!;
    const footer = Number(/w:footer="(\d+)"/.exec(margins)![1]);
    expect(footer).toBe(FOOTER_DISTANCE);
    // The number's line (exactly 4号) sits on the footer distance; its top is 7 mm below the block.
    const gapMm = (MARGIN.bottom - footer - PAGE_NUMBER_LINE) / TWIPS_PER_MM;
    expect(gapMm).toBeCloseTo(7, 1);
    expect(style(STYLE.pageNumber)).toMatch(new RegExp(`w:line="${PAGE_NUMBER_LINE}"[^>]*w:lineRule="exact"|w:lineRule="exact"[^>]*w:line="${PAGE_NUMBER_LINE}"`));
    const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    for (const f of footers) expect(paragraphs(f).every((p) => styleOf(p) === STYLE.pageNumber)).toBe(true);
  });

  it('declares every font in the font table with a fallback for machines without it', () => {
    const table = parts['word/fontTable.xml']!;
    const fallback = (name: string) => new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(table)?.[1];
    expect(fallback(DEFAULT_FONTS.body)).toBe('仿宋');
    expect(fallback(DEFAULT_FONTS.title)).toBe('宋体');
    expect(fallback(DEFAULT_FONTS.heading2)).toBe('楷体');
    expect(fallback(DEFAULT_FONTS.heading1)).toBe('SimHei');
    expect(table).toContain('<w:font w:name="Times New Roman">');
    for (const f of Object.values(DEFAULT_FONTS)) expect(table).toContain(`<w:font w:name="${f}">`);
    expect(table).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
  });
});

describe('every draft kind', () => {
  it('uses the same styles: no picture or caption on the grid, fonts declared, Chinese tagged', async () => {
    for (const kind of DRAFT_KINDS) {
      const p = docxParts((await draftDocx(demo.ctx, { kind, year: 2024, month: 8 })).bytes);
      const doc = p['word/document.xml']!;
      for (const para of paragraphs(doc).filter((x) => x.includes('<w:drawing>'))) expect(styleOf(para), kind).toBe(STYLE.picture);
      expect(p['word/fontTable.xml'], kind).toContain(`<w:font w:name="${DEFAULT_FONTS.body}">`);
      expect(p['word/styles.xml'], kind).toMatch(/w:eastAsia="zh-CN"/);
      expect(doc, kind).not.toMatch(/<w:ind w:firstLine="640"\/>/);
    }
  }, 180_000);

  it('starts each leader’s page with its title, not with an empty paragraph that would take a grid line', async () => {
    const doc = docxParts((await draftDocx(demo.ctx, { kind: 'leader-pages', year: 2024, month: 8 })).bytes)['word/document.xml']!;
    const titles = paragraphs(doc).filter((p) => styleOf(p) === STYLE.title);
    expect(titles.length).toBeGreaterThan(10);
    expect(titles.slice(1).every((p) => p.includes('<w:pageBreakBefore/>'))).toBe(true);
    expect(titles[0]).not.toContain('<w:pageBreakBefore/>');
    expect(paragraphs(doc).filter((p) => p.includes('<w:pageBreakBefore/>'))).toHaveLength(titles.length - 1);
  }, 60_000);
});
