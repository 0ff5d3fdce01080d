/** Pinyin initials of a project name, so that typing "hd" in the quick search finds 海堤…. */
import { pinyin } from 'pinyin-pro';

export function nameInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/[^0-9a-z]/gi, '')
    .toLowerCase();
}
