/**
 * exceljs (0.8 MB of bundle, 2 MB with what it carries) loaded on first use: only the writers need
 * it, and `kpw import`, `kpw stats` and the app's start would otherwise compile it every time.
 * Every writer awaits `loadExcelJS()`, which also teaches exceljs's style writer quotePrefix
 * (quote-prefix.ts says why): a cell style (cellXfs) with the text number format "@" (built-in
 * id 49), which we give to formula-like cells and to nothing else, gets quotePrefix="1".
 */
import type ExcelJSModule from 'exceljs';

const TEXT_FORMAT_ID = 49;

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  addAttribute(name: string, value: unknown): void;
}
interface StyleXform {
  xfId: boolean;
  render(xmlStream: XmlStream, model: { numFmtId?: number } | undefined): void;
}

function teachQuotePrefix(StyleXformClass: { prototype: object }): void {
  const proto = StyleXformClass.prototype as StyleXform & { kpwQuotePrefix?: true };
  if (proto.kpwQuotePrefix) return;
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

const defaultOf = <T>(m: T | { default: T }): T => (typeof m === 'object' && m !== null && 'default' in m ? m.default : m) as T;

let loaded: Promise<typeof ExcelJSModule> | null = null;

/** exceljs, its style writer patched. Bundles (main.cjs, kpw) import both from the copy they carry. */
export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  loaded ??= Promise.all([import('exceljs'), import('exceljs/lib/xlsx/xform/style/style-xform.js')]).then(([excel, style]) => {
    teachQuotePrefix(defaultOf(style));
    return defaultOf(excel);
  });
  return loaded;
}
