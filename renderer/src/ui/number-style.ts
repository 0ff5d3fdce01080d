/**
 * The office's number style (设置 > 口径) on screen: every screen writes its numbers through the
 * phrase library in it. A month-bound screen asks for the style of its year and month (a closed
 * month keeps the one it was closed with); 设置 announces a change, and screens kept mounted
 * (项目库) take it up.
 */
import { useEffect, useState } from 'react';
import { DEFAULT_NUMBER_STYLE, type NumberStyle } from '../../../shared/number-style';
import { call } from '../api';

const CHANGED = 'kpw:number-style-changed';

/** Tell the screens the style was changed (设置 calls this after saving). */
export function announceStyleChange(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The style of Y年M月's figures, or the library's when no month is given; the defaults until it has arrived. */
export function useNumberStyle(year?: number, month?: number): NumberStyle {
  const [style, setStyle] = useState<NumberStyle>(DEFAULT_NUMBER_STYLE);
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const onChange = () => setChanges((n) => n + 1);
    window.addEventListener(CHANGED, onChange);
    return () => window.removeEventListener(CHANGED, onChange);
  }, []);
  useEffect(() => {
    let live = true;
    call('settings.style', year !== undefined && month !== undefined ? { year, month } : {}).then(
      (s) => live && setStyle(s),
      // Without the library's style the figures are still right, in STATISTICS.md's standard style.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [year, month, changes]);
  return style;
}
