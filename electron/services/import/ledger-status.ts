/**
 * A ledger item's status as offices write it: 已完成 / 完成 / 序时推进 / 正常推进 / 按序时推进 /
 * 滞后 / 未完成 / 进度滞后 …, read as one of the three statuses (已完成, 序时推进, 滞后).
 */
import type { LedgerStatus } from '../../../shared/ledgers';

const STATUS_WORDS: readonly (readonly [LedgerStatus, RegExp])[] = [
  ['done', /^(已经?完成|完成|全部完成|提前完成|按期完成|如期完成|已办结|办结|已落实|已实现)$/],
  // 未完成 in a ledger checked each quarter means the quarter's work was not done: behind.
  ['lagging', /^(滞后|滞后推进|进度滞后|推进滞后|进展滞后|未完成|未按序时|未达序时|未按期完成|落后|落后序时|进展缓慢|延期)$/],
  ['onTrack', /^(序时推进|正常推进|按序时推进|按序时|按计划推进|按进度推进|有序推进|稳步推进|持续推进|推进中|正在推进|进行中|正常|序时|达到序时)$/],
];

/** The status a cell names, or null when it names none. Spaces and a closing 。；, are ignored. */
export function readLedgerStatus(text: string): LedgerStatus | null {
  const word = text.normalize('NFKC').replace(/\s/g, '').replace(/[。.;；,，!！]+$/, '');
  return STATUS_WORDS.find(([, re]) => re.test(word))?.[0] ?? null;
}

/** Whether a column's cells are status words rather than sentences: at least half of those filled in. */
export function columnLooksLikeStatus(values: readonly string[]): boolean {
  const filled = values.filter((v) => v !== '').slice(0, 200);
  if (filled.length === 0) return false;
  return filled.filter((v) => readLedgerStatus(v) !== null).length * 2 >= filled.length;
}
