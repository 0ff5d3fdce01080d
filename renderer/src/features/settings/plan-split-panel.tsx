/**
 * 分月计划: how an annual plan without a split of its own (the list's "1季度计划", "上半年" …
 * columns) is split by month for "完成1-M月计划的X%": not at all, evenly, or by 12 cumulative
 * percentages the office sets (e.g. its usual 一季度20%、上半年45%…).
 */
import { useState } from 'react';
import type { PlanSplitSetting } from '../../../../shared/statistics';
import { call, messageOf } from '../../api';
import { useLoadOnce } from '../../ui/load-once';

export function PlanSplitPanel(props: { readOnly: boolean; onError: (message: string) => void }) {
  const [mode, setMode] = useState<PlanSplitSetting['mode'] | null>(null);
  const [profile, setProfile] = useState<string[]>(Array(12).fill(''));
  const [saved, setSaved] = useState('');
  useLoadOnce(
    () => call('settings.planSplit', {}),
    (s) => {
      setMode(s.mode);
      setProfile(s.profile.length === 12 ? s.profile.map(String) : Array.from({ length: 12 }, (_, i) => String(Math.round(((i + 1) / 12) * 10000) / 100)));
    },
    props.onError,
  );
  if (!mode) return null;
  const save = async () => {
    try {
      await call('settings.setPlanSplit', { mode, profile: mode === 'profile' ? profile.map(Number) : [] });
      setSaved('已保存');
    } catch (err) {
      props.onError(messageOf(err));
    }
  };
  const choice = (value: PlanSplitSetting['mode'], label: string) => (
    <label className="check">
      <input type="radio" name="plan-split" checked={mode === value} disabled={props.readOnly} onChange={() => (setMode(value), setSaved(''))} />
      {label}
    </label>
  );
  return (
    <section className="list-editor" data-testid="plan-split">
      <h2>分月计划</h2>
      <p className="muted">清单中有“1季度计划”“上半年”“1-6月计划”等列的项目按其分期计划计算“完成1-M月计划的X%”（期内各月平均）；其他项目：</p>
      <p>
        {choice('none', '不计算')} {choice('even', '年度计划按月平均')} {choice('profile', '按下列累计比例')}
      </p>
      {mode === 'profile' && (
        <p>
          {profile.map((v, i) => (
            <label key={i} className="check">
              1-{i + 1}月
              <input
                className="narrow"
                aria-label={`1-${i + 1}月累计比例`}
                value={v}
                disabled={props.readOnly}
                onChange={(e) => (setProfile(profile.map((x, j) => (j === i ? e.target.value : x))), setSaved(''))}
              />
              %
            </label>
          ))}
        </p>
      )}
      <p>
        <button className="primary" disabled={props.readOnly} onClick={() => void save()}>
          保存分月计划
        </button>{' '}
        <span className="status-saved">{saved}</span>
      </p>
    </section>
  );
}
