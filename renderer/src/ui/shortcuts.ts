/**
 * Keys every screen answers the same way: Ctrl+S says there is nothing to save (each edit is
 * saved when it is made), Ctrl+F goes to the screen's quick search, Ctrl+P prints the screen in its
 * A4 layout (the print styles of each screen).
 */
import { useEffect } from 'react';

export function useGlobalShortcuts(notice: (text: string) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        notice('无需保存：每次修改在完成时就已保存到项目库');
      } else if (key === 'f') {
        const search = [...document.querySelectorAll<HTMLInputElement>('input[type="search"]')].find((i) => i.offsetParent !== null);
        if (!search) return; // a screen without one: the browser's own find
        e.preventDefault();
        search.focus();
        search.select();
      } else if (key === 'p') {
        e.preventDefault();
        window.print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notice]);
}
