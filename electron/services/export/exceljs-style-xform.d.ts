// exceljs's cell-style writer (an internal module without typings), patched by quote-prefix.ts.
declare module 'exceljs/lib/xlsx/xform/style/style-xform.js' {
  const StyleXform: { prototype: object };
  export default StyleXform;
}
// exceljs's style table writer, whose addStyleModel exceljs.ts remembers for simple styles.
declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  const StylesXform: { prototype: object };
  export default StylesXform;
}
