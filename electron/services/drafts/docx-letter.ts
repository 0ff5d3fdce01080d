/**
 * The 信函格式 of GB/T 9704-2012 (10.2), as .docx parts:
 *
 * - the first page's header: the issuing office's name (发文机关标志) centred in red 小标宋 with
 *   its top 30 mm from the top edge (the header distance), a red double line (上粗下细) 4 mm under
 *   it, 170 mm long and centred on the page, so it reaches 7 mm past the text block on each side;
 * - the first page's footer: the second red double line (上细下粗) 20 mm above the bottom edge
 *   and no page number (the first page of a letter has none; the numbers go on from page two).
 */
import { AlignmentType, BorderStyle, Footer, Header, Paragraph, TextRun } from 'docx';
import type { DraftFonts } from '../../../shared/drafts';
import { MARGIN, mm, STYLE, TEXT_BLOCK_MM } from './docx-layout';

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
