// pinyin-pro's word dictionaries (exported under "./dist/*", untyped), read by tests/unit/pinyin.test.ts.
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
