/**
 * The 信函格式 of GB/T 9704-2012 (10.2) and the 版记 (7.4), as .docx parts:
 *
 * - the first page's header: the issuing office's name (发文机关标志) centred in red 小标宋 with
 *   its top 30 mm from the top edge (the header distance), a red double line (上粗下细) 4 mm under
 *   it, 170 mm long and centred on the page, so it reaches 7 mm past the text block on each side;
 * - the first page's footer: the second red double line (上细下粗) 20 mm above the bottom edge
 *   and no page number (the first page of a letter has none; the numbers go on from page two);
 * - 抄送 and 印发 in 4号仿宋 one character in from each side, between separator lines (first and
 *   last 0.35 mm, the one between 0.25 mm); an overflowing 抄送 line aligns under the first name.
 */
import { AlignmentType, BorderStyle, Footer, Header, Paragraph, TabStopType, TextRun } from 'docx';
import type { Block, DraftFonts } from '../../../shared/drafts';
import { MARGIN, mm, PAGE_NUMBER_LINE, SIZE, STYLE, TEXT_BLOCK_MM } from './docx-layout';

/** The header of the first page sits 30 mm below the top edge. */
export const LETTERHEAD_TOP = mm(30);
/** The lines are 170 mm long and centred on the page (210 mm): 20 mm from each edge. */
const LINE_MM = 170;
const PAGE_WIDTH_MM = 210;
const edge = (PAGE_WIDTH_MM - LINE_MM) / 2;
/** Indents that take a paragraph's border from the text block (28 mm / 26 mm margins) to 20 mm from each edge. */
export const LETTER_LINE_INDENT = { left: mm(edge) - MARGIN.left, right: mm(edge) - MARGIN.right } as const;
export const LETTER_RED = 'FF0000';
/** Eighths of a point: a double line about 0.8 mm over both strokes. */
const DOUBLE_LINE = 18;
/** 4 mm between the name and the line under it, in points. */
const GAP_PT = Math.round((4 / 25.4) * 72);

/** The name's size: 小标宋 as large as 36 pt while the name fits the text block on one line. */
export function letterheadSize(name: string): number {
  const blockPt = (TEXT_BLOCK_MM.width / 25.4) * 72;
  const chars = Math.max(1, [...name].length);
  return 2 * Math.min(36, Math.floor(blockPt / chars));
}

export function letterheadHeader(name: string, fonts: DraftFonts): Header {
  return new Header({
    children: [
      new Paragraph({
        style: STYLE.letterhead,
        alignment: AlignmentType.CENTER,
        indent: LETTER_LINE_INDENT,
        border: { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: DOUBLE_LINE, color: LETTER_RED, space: GAP_PT } },
        children: [new TextRun({ text: name, font: { eastAsia: fonts.title, ascii: fonts.title, hAnsi: fonts.title }, size: letterheadSize(name), color: LETTER_RED })],
      }),
    ],
  });
}

/**
 * The first page's footer: an empty line of the page number's height with the red double line
 * under it. The footer's bottom is FOOTER_DISTANCE (about 23 mm) above the edge; the border's
 * spacing brings the line down to 20 mm in Word. (LibreOffice leaves the border's spacing out
 * and draws it about 24 mm above the edge; a frame on the page, tried instead, LibreOffice drew
 * even higher and only as wide as the text block.)
 */
export function letterFooter(footerDistance: number): Footer {
  const spaceTwips = Math.max(0, footerDistance - mm(20));
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        indent: LETTER_LINE_INDENT,
        border: { bottom: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: DOUBLE_LINE, color: LETTER_RED, space: Math.min(31, Math.round(spaceTwips / 20)) } },
        children: [],
      }),
    ],
  });
}

/** One character of 4号 (14 pt) in twips. */
const CHAR_4 = PAGE_NUMBER_LINE;

/** 抄送 and 印发 (版记) between their separator lines. */
export function imprintParagraphs(block: Extract<Block, { kind: 'imprint' }>, fonts: DraftFonts): Paragraph[] {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 1 } as const; // 0.35 mm ≈ 1 pt
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const; // 0.25 mm ≈ 0.75 pt
  const font = { eastAsia: fonts.body, ascii: fonts.latin, hAnsi: fonts.latin, cs: fonts.latin };
  const text = (s: string) => new TextRun({ text: s, font, size: SIZE.pageNumber });
  const lines: { children: TextRun[]; hanging?: number; tab?: boolean }[] = [];
  if (block.copyTo) lines.push({ children: [text(`抄送：${block.copyTo}。`)], hanging: 3 * CHAR_4 });
  if (block.printer || block.printDate) lines.push({ children: [text(block.printer ?? ''), ...(block.printDate ? [text('\t'), text(`${block.printDate}印发`)] : [])], tab: true });
  // A blank line keeps the 版记 apart from the body above it.
  const out: Paragraph[] = [new Paragraph({ children: [] })];
  lines.forEach((line, i) => {
    const first = i === 0;
    const last = i === lines.length - 1;
    out.push(
      new Paragraph({
        style: STYLE.imprint,
        keepNext: !last,
        keepLines: true,
        indent: { left: CHAR_4 + (line.hanging ?? 0), right: CHAR_4, ...(line.hanging ? { hanging: line.hanging } : {}) },
        ...(line.tab ? { tabStops: [{ type: TabStopType.RIGHT, position: mm(TEXT_BLOCK_MM.width) - 2 * CHAR_4 }] } : {}),
        border: { ...(first ? { top: thick } : {}), bottom: last ? thick : thin },
        children: line.children,
      }),
    );
  });
  return out;
}
