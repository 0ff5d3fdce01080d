/**
 * A draft's blocks as a .docx in the layout of GB/T 9704-2012 (DOCUMENTS.md): A4, margins 37/28
 * mm (text block 156 × 225 mm), a document grid of 22 lines × 28 characters, 3号仿宋 body with
 * the East Asian font set on every run, 黑体/楷体/仿宋 heading levels, 2号小标宋 title, "— N —"
 * page numbers right on odd pages and left on even pages, signature and date placed by the
 * standard's rule, attachments on new pages, tables with explicit widths and repeated headers,
 * charts as PNG from the same option builders as the screen.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { ChartSpec } from '../../../shared/charts';
import { DEFAULT_FONTS, type Block, type Draft, type DraftFonts, type Run } from '../../../shared/drafts';
import { PRINT_SIZE } from '../../../shared/chart-svg';
import { renderChartPng, type ChartAssets } from '../chart-render';
import { CHAR, FOOTER_DISTANCE, finishPackage, LINE, MARGIN, mm, paragraphStyles, SIZE, STYLE, TEXT_BLOCK_MM, titleLines } from './docx-layout';
import { letterFooter, letterheadHeader, LETTERHEAD_TOP } from './docx-letter';

/** Indents of body paragraphs in characters (Word follows the font size), with the twips for others. */
const FIRST_LINE_TWO_CHARS = { firstLineChars: 200, firstLine: 2 * CHAR } as const;

/** Text XML cannot carry (control characters, lone surrogates, U+FFFE/FFFF) is dropped. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function run(text: string, font: string, fonts: DraftFonts, options: IRunOptions = {}): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    // East Asian text in the office's font, digits and Latin in Times New Roman, on every run.
    font: { eastAsia: font, ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin },
    size: SIZE.body,
    ...options,
  });
}

function runs(items: Run[], font: string, fonts: DraftFonts, extra: IRunOptions = {}): TextRun[] {
  return items.map((r) => run(r.text, font, fonts, { ...extra, bold: r.bold || extra.bold, ...(r.placeholder ? { highlight: 'yellow' } : {}) }));
}

/** A table cell's left and right margin in twips (1 mm). */
const CELL_MARGIN = mm(1);

const bodySpacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Where the signature and the date go (GB/T 9704 7.3.5.2), as right indents in characters. */
export function signatureIndents(office: string, date: string): { office: number; date: number } {
  // Digits and Latin take half a character in 仿宋 with Times New Roman digits.
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);
  const n1 = width(office);
  const n2 = width(date);
  // The date starts two characters right of the signature's start; when that would bring it
  // closer than two characters to the right edge, the date keeps two and the signature moves left.
  return n1 - n2 >= 2 ? { office: 2, date: n1 - n2 } : { office: 4 + n2 - n1, date: 2 };
}

function tableBlock(block: Extract<Block, { kind: 'table' }>, fonts: DraftFonts): (Paragraph | Table)[] {
  const widths = block.columns.map((c) => mm(c.width));
  const total = widths.reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cellParagraph = (items: Run[], align: 'left' | 'center' | 'right' | undefined, bold = false) =>
    new Paragraph({
      // Table text (小四) in lines of its own size, off the page's grid (docx-layout.ts).
      style: STYLE.tableText,
      alignment: align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: runs(items, fonts.body, fonts, { size: SIZE.table, bold, snapToGrid: false }),
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [cellParagraph([{ text: c.title }], 'center', true)],
        }),
    ),
  });
  const rows = block.rows.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: cells.map(
          (items, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              children: [cellParagraph(items, block.columns[i]?.align)],
            }),
        ),
      }),
  );
  const out: (Paragraph | Table)[] = [];
  if (block.caption) out.push(new Paragraph({ style: STYLE.caption, keepNext: true, children: [run(block.caption, fonts.heading1, fonts, { size: SIZE.table })] }));
  out.push(
    new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      // 1 mm each side (Word's default is 1.9 mm): the widths above are reckoned with it.
      margins: { left: CELL_MARGIN, right: CELL_MARGIN },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [header, ...rows],
    }),
  );
  if (block.note) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodySpacing, children: [run(block.note, fonts.body, fonts)] }));
  return out;
}

/** How a block stands to its neighbours: kept with the next one; starting a new page (a title after a page break). */
interface Placement {
  keepNext: boolean;
  newPage: boolean;
}

async function paragraphsOf(block: Block, fonts: DraftFonts, chart: (id: string) => Promise<Uint8Array | null>, { keepNext, newPage }: Placement): Promise<(Paragraph | Table)[]> {
  switch (block.kind) {
    case 'title':
      return [titleParagraph(block.text, fonts, newPage), new Paragraph({ spacing: bodySpacing, children: [] })];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodySpacing, children: [run(block.text, fonts.heading2, fonts)] })];
    case 'mark':
      return [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodySpacing, children: [run(block.text, fonts.body, fonts)] })];
    case 'addressee':
      return [new Paragraph({ spacing: bodySpacing, children: [run(block.text, fonts.body, fonts)] })];
    case 'heading': {
      const font = block.level === 1 ? fonts.heading1 : block.level === 2 ? fonts.heading2 : fonts.body;
      return [
        new Paragraph({
          indent: FIRST_LINE_TWO_CHARS,
          spacing: bodySpacing,
          keepNext: true,
          children: runs(block.runs, font, fonts, { bold: block.level === 3 }),
        }),
      ];
    }
    case 'paragraph':
      return [new Paragraph({ indent: block.noIndent ? undefined : FIRST_LINE_TWO_CHARS, alignment: AlignmentType.JUSTIFIED, spacing: bodySpacing, keepNext, children: runs(block.runs, fonts.body, fonts) })];
    case 'table':
      return tableBlock(block, fonts);
    case 'chart': {
      const png = await chart(block.chart);
      if (!png) return [];
      const { width, height } = pictureSize(PRINT_SIZE);
      return [
        // Its own style: single spacing, off the grid, or Word would cut it to one line's height.
        new Paragraph({ style: STYLE.picture, children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: block.caption, description: block.caption, title: block.caption } })] }),
        new Paragraph({ style: STYLE.caption, children: [run(block.caption, fonts.body, fonts, { size: SIZE.table })] }),
      ];
    }
    case 'attachments':
      // One blank line under the body, then "附件：1.×××", later items aligned under the first.
      return [
        new Paragraph({ spacing: bodySpacing, children: [] }),
        ...block.items.map(
          (item, i) =>
            new Paragraph({
              indent: i === 0 ? FIRST_LINE_TWO_CHARS : { left: 5 * CHAR },
              spacing: bodySpacing,
              keepNext: keepNext && i === block.items.length - 1,
              children: [run(`${i === 0 ? '附件：' : ''}${block.items.length > 1 ? `${i + 1}.` : ''}${item}`, fonts.body, fonts)],
            }),
        ),
      ];
    case 'signature': {
      const at = signatureIndents(block.office, block.date);
      return [
        new Paragraph({ spacing: bodySpacing, keepNext: true, children: [] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(at.office * CHAR) }, spacing: bodySpacing, keepNext: true, children: [run(block.office, fonts.body, fonts)] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(at.date * CHAR) }, spacing: bodySpacing, children: [run(block.date, fonts.body, fonts)] }),
      ];
    }
    case 'signer':
      // GB/T 9704 7.2.4: flush right one character in; "签发人" in 仿宋, the name in 楷体.
      // A blank line under it, as under the 发文字号, so the title does not touch the header.
      return [
        new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: CHAR }, spacing: bodySpacing, children: [run('签发人：', fonts.body, fonts), ...runs(block.runs, fonts.heading2, fonts)] }),
        new Paragraph({ spacing: bodySpacing, children: [] }),
      ];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, spacing: { line: 1, lineRule: LineRuleType.EXACT }, children: [] })];
    case 'documentNumber':
      // 发文字号 centred above the title, a blank line between (GB/T 9704 7.2.4).
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: bodySpacing, children: [run(block.text, fonts.body, fonts)] }), new Paragraph({ spacing: bodySpacing, children: [] })];
    case 'colophon':
      return colophonBlock(block, fonts);
    case 'attachment':
      return [
        new Paragraph({ pageBreakBefore: true, spacing: bodySpacing, children: [run(`附件${block.number}`, fonts.heading1, fonts)] }),
        new Paragraph({ spacing: bodySpacing, children: [] }),
        titleParagraph(block.title, fonts),
        new Paragraph({ spacing: bodySpacing, children: [] }),
      ];
  }
}

/** A 2号 title off the character grid (one cell a character would set it two cells apart), broken where offices break it. */
function titleParagraph(text: string, fonts: DraftFonts, newPage = false): Paragraph {
  return new Paragraph({ style: STYLE.title, pageBreakBefore: newPage, children: titleLines(text).map((line, i) => run(line, fonts.title, fonts, { size: SIZE.title, ...(i ? { break: 1 } : {}) })) });
}

/**
 * 版记 (GB/T 9704 7.4) on a page of its own at the end: 4号仿宋 lines one character in from each
 * side, between separator lines (the first and the last 0.35 mm, those between 0.25 mm), its last
 * line on the bottom edge of the text block. The page's first paragraph is a spacer exactly as
 * tall as the block less the table (a floating table's position LibreOffice ignores; this is
 * drawn alike by Word, WPS and LibreOffice), a little short so the table never spills over.
 */
function colophonBlock(block: Extract<Block, { kind: 'colophon' }>, fonts: DraftFonts): (Paragraph | Table)[] {
  const outer = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const inner = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const width = mm(TEXT_BLOCK_MM.width);
  const side = Math.round(CHAR * 0.875);
  const text = (s: string) => run(s, fonts.body, fonts, { size: SIZE.pageNumber, snapToGrid: false });
  const lineOf = (left: string, right: string | null) =>
    new Paragraph({
      // Off the character grid (table text's style), one exact line each.
      style: STYLE.tableText,
      spacing: bodySpacing,
      indent: { left: side, right: side },
      tabStops: right ? [{ type: 'right', position: width - 2 * side - 216 }] : undefined,
      // The 印发日期 flush right at a tab stop (a literal tab in the text is not one for Word).
      children: [text(left), ...(right ? [new TextRun({ children: [new Tab()] }), text(right)] : [])],
    });
  const lines = [...(block.copyTo ? [lineOf(`抄送：${block.copyTo}。`, null)] : []), ...(block.printer ? [lineOf(block.printer, `${block.printDate}印发`)] : [])];
  const rows = lines.map((p) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children: [p] })] }));
  const spacer = mm(TEXT_BLOCK_MM.height) - rows.length * LINE - COLOPHON_SLACK;
  return [
    // Off the grid (the picture's style), or a renderer would snap its height to one grid line.
    new Paragraph({ style: STYLE.picture, pageBreakBefore: true, keepNext: true, spacing: { line: spacer, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }),
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [width],
      layout: TableLayoutType.FIXED,
      borders: { top: outer, bottom: outer, left: none, right: none, insideHorizontal: inner, insideVertical: none },
      rows,
    }),
  ];
}

/** Twips the 版记 page's spacer leaves free (borders and rounding), so the table stays on its page. */
export const COLOPHON_SLACK = 140;

/** "— N —" in 4号 宋体, one character in from the outer edge. */
function pageNumberFooter(side: 'odd' | 'even', fonts: DraftFonts): Footer {
  const font = { eastAsia: fonts.pageNumber, ascii: fonts.pageNumber, hAnsi: fonts.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ text: '— ', font, size: SIZE.pageNumber }), new TextRun({ children: [PageNumber.CURRENT], font, size: SIZE.pageNumber }), new TextRun({ text: ' —', font, size: SIZE.pageNumber })],
      }),
    ],
  });
}

/** The draft as .docx bytes. */
export async function draftToDocx(draft: Draft, options: { assets: ChartAssets; fonts?: DraftFonts; creator?: string }): Promise<Buffer> {
  const fonts = options.fonts ?? DEFAULT_FONTS;
  const specs = new Map<string, ChartSpec>(draft.charts.map((c) => [c.id, c]));
  const chart = async (id: string) => {
    const spec = specs.get(id);
    return spec ? renderChartPng(options.assets, spec) : null;
  };
  const children: (Paragraph | Table)[] = [];
  for (const [i, block] of draft.blocks.entries()) {
    const next = draft.blocks[i + 1]?.kind;
    // A title on a new page starts it itself: an empty paragraph before it would take a grid line.
    if (block.kind === 'pageBreak' && next === 'title') continue;
    // The paragraph before the signature keeps with it: the signature never stands alone on a page (GB/T 9704 7.3.5).
    children.push(...(await paragraphsOf(block, fonts, chart, { keepNext: next === 'signature', newPage: draft.blocks[i - 1]?.kind === 'pageBreak' })));
  }
  const doc = new Document({
    creator: options.creator ?? '重点项目工作台',
    title: xmlSafe(draft.name),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // Chinese text tagged zh-CN: Word then sets quotation marks full width.
          run: { font: { eastAsia: fonts.body, ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin }, size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: bodySpacing },
        },
      },
      paragraphStyles: paragraphStyles(),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            // 天头 37 mm, 订口 28 mm; text block 156 × 225 mm; the page number 7 mm under it.
            // A letter's header (its office name) stands 30 mm below the top edge.
            margin: { ...MARGIN, header: draft.letterhead ? LETTERHEAD_TOP : 851, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: -848 },
          // 信函格式: the first page has the letterhead and the lower red line, and no page number.
          ...(draft.letterhead ? { titlePage: true } : {}),
        },
        ...(draft.letterhead ? { headers: { first: letterheadHeader(xmlSafe(draft.letterhead), fonts) } } : {}),
        footers: {
          default: pageNumberFooter('odd', fonts),
          even: pageNumberFooter('even', fonts),
          ...(draft.letterhead ? { first: letterFooter(FOOTER_DISTANCE) } : {}),
        },
        children,
      },
    ],
  });
  return finishPackage(await Packer.toBuffer(doc), fonts);
}

/** A picture as wide as the text block (156 mm), its proportions kept, never taller than the block (96 px to the inch). */
export function pictureSize(size: { width: number; height: number }): { width: number; height: number } {
  const px = (millimetres: number) => (millimetres / 25.4) * 96;
  const scale = Math.min(px(TEXT_BLOCK_MM.width) / size.width, px(TEXT_BLOCK_MM.height) / size.height);
  return { width: Math.floor(size.width * scale), height: Math.floor(size.height * scale) };
}
