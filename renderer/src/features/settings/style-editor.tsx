/**
 * 设置 > 口径: how the office writes numbers (shared/number-style.ts). Each choice is saved as it
 * is made; every screen, chart and draft writes its numbers in it from then on, except a closed
 * month's, which keep the style they were closed with.
 */
import { useState } from 'react';
import type { NumberStyle } from '../../../../shared/number-style';
import { count, moneyTable, moneyText, percent, progressGapPhrase, timeProgress } from '../../../../shared/phrases';
import { call, messageOf } from '../../api';
import { useLoadOnce } from '../../ui/load-once';
import { announceStyleChange } from '../../ui/number-style';

type Choice<K extends keyof NumberStyle> = { key: K; label: string; options: [NumberStyle[K], string][] };

const CHOICES: Choice<keyof NumberStyle>[] = [
  { key: 'percentDecimals', label: '百分比', options: [[1, '保留1位小数（89.5%）'], [2, '保留2位小数（89.53%）']] },
  { key: 'timeProgressDecimals', label: '时序进度', options: [[1, '保留1位小数（58.3%）'], [2, '保留2位小数（58.33%）']] },
  { key: 'countWord', label: '计数单位', options: [[null, '按模板原文（默认“个”）'], ['个', '个'], ['项', '项'], ['宗', '宗']] },
  { key: 'textUnit', label: '文字中的金额', options: [['auto', '1亿元以上用亿元，以下用万元'], ['亿元', '一律用亿元'], ['万元', '一律用万元']] },
  { key: 'tableUnit', label: '表格和图表的金额单位', options: [['亿元', '亿元（2位小数）'], ['万元', '万元']] },
  { key: 'wanDecimals', label: '万元保留小数', options: [[0, '0位'], [1, '1位'], [2, '2位'], [4, '4位（精确到元）']] },
  { key: 'thousands', label: '表格千分位', options: [[true, '使用（1,372.23）'], [false, '不用（1372.23）']] },
  { key: 'draftThousands', label: '材料（Word）表格千分位', options: [[false, '不用（1372.23）'], [true, '使用（1,372.23）']] },
];

/** An example of the style: a sentence and a table cell, as they will be written. */
function example(style: NumberStyle): string {
  // In 元, as integers (the formatter computes exactly and takes nothing else).
  const [total, plan, done] = [439_960_000_000, 137_223_000_000, 80_050_000_000];
  return (
    `重点项目${count(896, style)}，总投资${moneyText(total, style)}，1-7月完成投资${moneyText(done, style)}，投资完成率${percent(done, plan, style)}，` +
    `${progressGapPhrase(done, plan, 7, style)}（时序进度${timeProgress(7, style)}）；表格中的年度计划投资（${style.tableUnit}）：${moneyTable(plan, style)}`
  );
}

export function StyleEditor(props: { readOnly: boolean; onError: (message: string) => void }) {
  const [style, setStyle] = useState<NumberStyle | null>(null);
  const [saved, setSaved] = useState('');
  useLoadOnce(() => call('settings.style', {}), setStyle, props.onError);
  if (!style) return null;
  const choose = async (key: keyof NumberStyle, value: NumberStyle[keyof NumberStyle]) => {
    try {
      setStyle(await call('settings.setStyle', { [key]: value }));
      setSaved('已保存');
      announceStyleChange();
    } catch (err) {
      props.onError(messageOf(err));
    }
  };
  return (
    <section className="list-editor style-editor" data-testid="number-style">
      <h2>口径</h2>
      <p className="muted">各界面、图表和材料中的数字按此书写；已关账月份保持关账时的口径。</p>
      {CHOICES.map((c) => (
        <p key={c.key}>
          <label>
            {c.label}
            <select
              aria-label={c.label}
              disabled={props.readOnly}
              value={JSON.stringify(style[c.key])}
              onChange={(e) => void choose(c.key, JSON.parse(e.target.value) as NumberStyle[keyof NumberStyle])}
            >
              {c.options.map(([value, text]) => (
                <option key={String(value)} value={JSON.stringify(value)}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        </p>
      ))}
      <p className="muted" data-testid="number-style-example">
        示例：{example(style)}
      </p>
      <span className="status-saved">{saved}</span>
    </section>
  );
}
