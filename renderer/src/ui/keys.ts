/** Keyboard helpers shared by the screens. */

/** Whether keys go to a text field (where Ctrl+Z undoes typing, not the library's last change). */
export function isTextTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}
