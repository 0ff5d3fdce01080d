// Modules the tests read that ship no types: pinyin-pro's word dictionaries (exported under "./dist/*"), read by tests/unit/pinyin.test.ts.
declare module 'pinyin-pro/dist/esm/data/dict2.mjs' {
  const words: Record<string, string>;
  export default words;
}
declare module 'pinyin-pro/dist/esm/data/dict3.mjs' {
  const words: Record<string, string>;
  export default words;
}
declare module 'pinyin-pro/dist/esm/data/dict4.mjs' {
  const words: Record<string, string>;
  export default words;
}
declare module 'pinyin-pro/dist/esm/data/dict5.mjs' {
  const words: Record<string, string>;
  export default words;
}
// exceljs's style table writer (electron/services/export/exceljs.ts patches it), read by export-style-memo.test.ts.
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  const StylesXform: { prototype: object };
  export default StylesXform;
}
