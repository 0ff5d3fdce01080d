/**
 * The xlsx-native guard for formula-like text (shared/formula-guard.ts) in the workbooks we
 * write: the cell keeps its text exactly and its style carries quotePrefix="1" (ECMA-376
 * §18.8.45), as Excel writes a cell typed with a leading apostrophe — shown without one, never
 * evaluated, still text after the user edits it. No visible apostrophe is added to the value.
 *
 * exceljs cannot write quotePrefix, so its style writer is taught to: a cell style (cellXfs) with
 * the text number format "@" (built-in id 49), which we give to formula-like cells and to nothing
 * else, gets quotePrefix="1". tests/unit/export-quote-prefix.test.ts reads the written XML, so a
 * change in exceljs that breaks this fails there.
 */
import type ExcelJS from 'exceljs';
// A static import, so that bundles (main.cjs, kpw) patch the very copy of exceljs they carry.
import StyleXformClass from 'exceljs/lib/xlsx/xform/style/style-xform.js';
import { isFormulaLike } from '../../../shared/formula-guard';

const TEXT_FORMAT = '@';
const TEXT_FORMAT_ID = 49;

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  addAttribute(name: string, value: unknown): void;
}
interface StyleXform {
  xfId: boolean;
  render(xmlStream: XmlStream, model: { numFmtId?: number } | undefined): void;
}

const proto = StyleXformClass.prototype as StyleXform & { kpwQuotePrefix?: true };
if (!proto.kpwQuotePrefix) {
  const render = proto.render;
  proto.kpwQuotePrefix = true;
  proto.render = function (this: StyleXform, xmlStream, model) {
    // Only cell styles (cellXfs, written with an xfId), never the named styles.
    if (!this.xfId || model?.numFmtId !== TEXT_FORMAT_ID) return render.call(this, xmlStream, model);
    const own = Object.prototype.hasOwnProperty.call(xmlStream, 'openNode');
    const openNode = xmlStream.openNode;
    xmlStream.openNode = function (this: XmlStream, name, attributes) {
      openNode.call(this, name, attributes);
      if (name === 'xf') this.addAttribute('quotePrefix', '1');
    };
    try {
      render.call(this, xmlStream, model);
    } finally {
      if (own) xmlStream.openNode = openNode;
      else delete (xmlStream as Partial<XmlStream>).openNode;
    }
  };
}

/** A cell holding formula-like text gets the quote prefix (its style); its value is left as it is. */
export function quoteIfFormulaLike(cell: ExcelJS.Cell): void {
  if (typeof cell.value === 'string' && isFormulaLike(cell.value)) cell.numFmt = TEXT_FORMAT;
}

/** Every formula-like text cell of a row (after addRow), quote-prefixed. */
export function quoteFormulaLikeCells(row: ExcelJS.Row): void {
  row.eachCell(quoteIfFormulaLike);
}
