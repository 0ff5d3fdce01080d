// The parts of pinyin-pro (3.x, exported under "./dist/*") that pinyin.ts uses directly, untyped by the package.
declare module 'pinyin-pro/dist/esm/core/pinyin/handle.mjs' {
  export interface SyllableItem {
    origin: string;
    result: string;
    isZh: boolean;
  }
  export function getPinyin(word: string, list: unknown[], surname: 'off', segmentit: number, traditional: undefined, chars: string[]): { list: SyllableItem[] };
}
declare module 'pinyin-pro/dist/esm/common/utils.mjs' {
  export function splitString(text: string): string[];
}
