/**
 * The parts of the GB/T 9704 layout that Word and WPS draw differently from LibreOffice, kept in
 * one place and checked in the XML by tests (tests/unit/docx-layout.test.ts), since our renderings
 * come from LibreOffice:
 *
 * - The body is on the document grid (22 lines × 28 characters, exact 28.95 pt lines). What must
 *   not be — pictures, captions, titles, table text, page numbers — has a paragraph style that
 *   takes it off the grid (<w:snapToGrid w:val="0"/>) with its own spacing. A picture's paragraph
 *   that inherited the exact 28.95 pt line would be cut to a strip one line high in Word and WPS
 *   (LibreOffice draws it whole); a 2号 title on the character grid takes two cells a character.
 * - Text is tagged Chinese (w:lang eastAsia zh-CN), so Word sets quotation marks full width.
 * - The fonts are declared in fontTable.xml with the family and a fallback (w:altName) for
 *   machines without 仿宋_GB2312 or 方正小标宋简体; the docx library writes the table empty.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { DraftFonts } from '../../../shared/drafts';

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

/** 28.95 pt: the grid's line pitch, also the body's exact line spacing so every renderer keeps 22 lines. */
export const LINE = 579;
/** Half-points: 3号 body, 2号 title, 4号 page numbers, 小四 tables and captions. */
export const SIZE = { body: 32, title: 44, pageNumber: 28, table: 24 } as const;
/** One character of 3号 (16 pt) in twips, for indents Word cannot take in characters. */
export const CHAR = 320;

import { TEXT_BLOCK_MM } from './text-block';

export { TEXT_BLOCK_MM };

/** Page margins in twips: 天头 37 mm, 订口 28 mm (A4, text block 156 × 225 mm). */
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
/** The page number's line: exactly 4号 (14 pt), its own height. */
export const PAGE_NUMBER_LINE = 280;
/**
 * The footer's distance from the page's bottom edge to the page number's line: the number's top
 * stands 7 mm below the text block (GB/T 9704 7.5), so footer = bottom margin − 7 mm − its line.
 */
export const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - PAGE_NUMBER_LINE;

export const STYLE = {
  picture: 'KpwPicture',
  caption: 'KpwCaption',
  title: 'KpwTitle',
  tableText: 'KpwTableText',
  pageNumber: 'KpwPageNumber',
  letterhead: 'KpwLetterhead',
} as const;

const OFF_GRID: readonly string[] = Object.values(STYLE);

/** The paragraph styles of the paragraphs that stay off the grid. */
export function paragraphStyles(): IParagraphStyleOptions[] {
  const base = { basedOn: 'Normal', next: 'Normal', quickFormat: true } as const;
  return [
    // Single spacing: the paragraph is as tall as the picture.
    { id: STYLE.picture, name: '图片', ...base, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } } },
    { id: STYLE.caption, name: '图表标题', ...base, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }, run: { size: SIZE.table } },
    { id: STYLE.title, name: '公文标题', ...base, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }, run: { size: SIZE.title } },
    { id: STYLE.tableText, name: '表格文字', ...base, paragraph: { spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }, run: { size: SIZE.table } },
    { id: STYLE.pageNumber, name: '页码', ...base, paragraph: { spacing: { line: PAGE_NUMBER_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }, run: { size: SIZE.pageNumber } },
    // 信函格式's office name: as tall as its letters (docx-letter.ts).
    { id: STYLE.letterhead, name: '发文机关标志', ...base, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } } },
  ];
}

/**
 * Full-width characters of 2号 (22 pt) on one line of the 156 mm text block (20), less one: a
 * fallback font's digits and brackets run wider than half and whole a character.
 */
const TITLE_LINE_CHARS = Math.floor(((TEXT_BLOCK_MM.width / 25.4) * 72) / (SIZE.title / 2)) - 1;

/** A line's width in full-width characters: digits and Latin letters are half as wide. */
const widthInChars = (text: string) => [...text].reduce((n, c) => n + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/**
 * A title's lines. One that does not fit on a line breaks before its bracket ("…情况表" /
 * "（2024年1-8月）"), as offices set them, rather than wherever the line ends (inside the
 * bracket: "（2024年1-8" / "月）"); without a bracket that fits, the renderer wraps it.
 */
export function titleLines(text: string): string[] {
  if (widthInChars(text) <= TITLE_LINE_CHARS) return [text];
  const at = text.lastIndexOf('（');
  if (at <= 0 || widthInChars(text.slice(0, at)) > TITLE_LINE_CHARS || widthInChars(text.slice(at)) > TITLE_LINE_CHARS) return [text];
  return [text.slice(0, at), text.slice(at)];
}

/** Fallbacks Word and WPS use where a font is missing, and each font's family. */
interface FontFacts {
  altName?: string;
  family: 'roman' | 'modern' | 'swiss' | 'script' | 'auto';
  /** 86: GB2312; 00: ANSI. */
  charset: '86' | '00';
  pitch: 'variable' | 'fixed';
}
const FONT_FACTS: Record<string, FontFacts> = {
  '仿宋_GB2312': { altName: '仿宋', family: 'modern', charset: '86', pitch: 'fixed' },
  仿宋: { altName: 'FangSong', family: 'modern', charset: '86', pitch: 'fixed' },
  '楷体_GB2312': { altName: '楷体', family: 'modern', charset: '86', pitch: 'fixed' },
  楷体: { altName: 'KaiTi', family: 'modern', charset: '86', pitch: 'fixed' },
  黑体: { altName: 'SimHei', family: 'modern', charset: '86', pitch: 'fixed' },
  宋体: { altName: 'SimSun', family: 'auto', charset: '86', pitch: 'variable' },
  方正小标宋简体: { altName: '宋体', family: 'auto', charset: '86', pitch: 'variable' },
  方正小标宋_GBK: { altName: '宋体', family: 'auto', charset: '86', pitch: 'variable' },
  'Times New Roman': { family: 'roman', charset: '00', pitch: 'variable' },
};

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** fontTable.xml naming every font the draft uses; an unknown one (a setting) gets a Chinese fallback. */
export function fontTableXml(fonts: DraftFonts): string {
  const names = [...new Set(Object.values(fonts).filter((f) => f.trim() !== ''))];
  const entries = names.map((name) => {
    const chinese = /[\u4e00-\u9fff]/.test(name);
    const facts: FontFacts = FONT_FACTS[name] ?? { ...(chinese ? { altName: '宋体' } : {}), family: 'auto', charset: chinese ? '86' : '00', pitch: 'variable' };
    return (
      `<w:font w:name="${escapeAttr(name)}">` +
      (facts.altName ? `<w:altName w:val="${escapeAttr(facts.altName)}"/>` : '') +
      `<w:charset w:val="${facts.charset}"/><w:family w:val="${facts.family}"/><w:pitch w:val="${facts.pitch}"/></w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries.join('') +
    '</w:fonts>'
  );
}

/**
 * What the docx library cannot write, written into its package: the off-grid styles'
 * <w:snapToGrid w:val="0"/> (before <w:spacing>, as the schema orders a paragraph's properties)
 * and the font table.
 */
export function finishPackage(docx: Buffer, fonts: DraftFonts): Buffer {
  const files = unzipSync(docx);
  const styles = strFromU8(files['word/styles.xml']!);
  files['word/styles.xml'] = strToU8(
    styles.replace(/<w:style w:type="paragraph" w:styleId="(\w+)">[\s\S]*?<\/w:style>/g, (style, id: string) =>
      OFF_GRID.includes(id) ? style.replace(/<w:pPr>((?:(?!<\/w:pPr>)[\s\S])*?)<w:spacing /, '<w:pPr>$1<w:snapToGrid w:val="0"/><w:spacing ') : style,
    ),
  );
  files['word/fontTable.xml'] = strToU8(fontTableXml(fonts));
  return Buffer.from(zipSync(files, { level: 6 }));
}
