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

/**
 * exceljs works out the style of every cell it writes from scratch (the style rendered as XML and
 * looked up), since each cell carries its own copy of its style: for 20,000 rows of 25 columns,
 * half of an export. The result depends only on what the style holds and the cell's type, and for
 * the styles nearly every cell has — none, or a number format alone — it is remembered per writer.
 */
interface StylesXform {
  addStyleModel(model: Record<string, unknown> | undefined, cellType?: number): number;
  kpwSimpleStyles?: Map<string, number>;
}

/** The memo key of a style that is empty or only a number format, else null. */
function simpleStyleKey(model: Record<string, unknown>, cellType: number | undefined): string | null {
  let numFmt = '';
  for (const key in model) {
    const value = model[key];
    if (key !== 'numFmt' || typeof value !== 'string') return null;
    numFmt = value;
  }
  return `${cellType ?? ''}|${numFmt}`;
}

function rememberSimpleStyles(StylesXformClass: { prototype: object }): void {
  const proto = StylesXformClass.prototype as StylesXform & { kpwSimpleStyles?: unknown; kpwMemo?: true };
  if (proto.kpwMemo) return;
  proto.kpwMemo = true;
  const add = proto.addStyleModel;
  proto.addStyleModel = function (this: StylesXform, model, cellType) {
    const key = model ? simpleStyleKey(model, cellType) : null;
    if (key === null) return add.call(this, model, cellType);
    const memo = (this.kpwSimpleStyles ??= new Map());
    let id = memo.get(key);
    if (id === undefined) {
      id = add.call(this, model, cellType);
      memo.set(key, id);
    }
    return id;
  };
}

const defaultOf = <T>(m: T | { default: T }): T => (typeof m === 'object' && m !== null && 'default' in m ? m.default : m) as T;

let loaded: Promise<typeof ExcelJSModule> | null = null;

/** exceljs, its style writer patched. Bundles (main.cjs, kpw) import both from the copy they carry. */
export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  loaded ??= Promise.all([import('exceljs'), import('exceljs/lib/xlsx/xform/style/style-xform.js'), import('exceljs/lib/xlsx/xform/style/styles-xform.js')]).then(([excel, style, styles]) => {
    teachQuotePrefix(defaultOf(style));
    rememberSimpleStyles(defaultOf(styles));
    return defaultOf(excel);
  });
  return loaded;
}
