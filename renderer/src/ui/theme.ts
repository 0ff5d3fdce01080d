/** The grid's look: AG Grid's Quartz theme with fonts that carry Chinese on Windows, UOS and Kylin. */
import { themeQuartz } from 'ag-grid-community';

export const FONT_STACK = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"WenQuanYi Micro Hei"', 'sans-serif'];

export const gridTheme = themeQuartz.withParams({
  fontFamily: FONT_STACK.join(', '),
  fontSize: 14,
  headerFontWeight: 600,
  spacing: 6,
  accentColor: '#1f5fa8',
  headerBackgroundColor: '#eef2f7',
});
