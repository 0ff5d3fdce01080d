/** A fake system view of mounts (for the network-share detection): mountinfo text of our making. */
import path from 'node:path';
import type { MountSource } from '../../electron/services/network-share';

/** /proc/self/mountinfo lines: "/" on ext4, plus each given mount point with its type and source. */
export function mountInfoText(mounts: { at: string; type: string; source: string }[]): string {
  const escape = (s: string) => s.replace(/ /g, '\\040');
  return [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    '23 22 0:21 / /proc rw,relatime - proc proc rw',
    ...mounts.map((m, i) => `${30 + i} 22 0:${40 + i} / ${escape(m.at)} rw,relatime shared:${5 + i} - ${m.type} ${escape(m.source)} rw,vers=4.2`),
  ].join('\n');
}

export function linuxMounts(text: string): MountSource {
  return { platform: 'linux', mountInfo: () => text, mountTable: () => null, realPath: (f) => path.resolve(f) };
}
