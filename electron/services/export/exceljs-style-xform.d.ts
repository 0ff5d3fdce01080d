// exceljs's cell-style writer (an internal module without typings), patched by quote-prefix.ts.
declare module 'exceljs/lib/xlsx/xform/style/style-xform.js' {
  const StyleXform: { prototype: object };
  export default StyleXform;
}
