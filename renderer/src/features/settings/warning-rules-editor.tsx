/**
 * 预警规则 (设置): which forms of warning rule are on — months late to start, percentage points
 * below 序时, a share of 序时, months unreported, days a 前期手续 is overdue — each with its yellow and red threshold, as the
 * statistics engine applies them (electron/services/statistics/warning-rules.ts). Several may be
 * on; a project keeps the most severe colour.
 */
import { useState, type ReactNode } from 'react';
import { DEFAULT_PLAN_MULTIPLE, type WarningRuleKind, type WarningThresholds } from '../../../../shared/statistics';
import { call, messageOf } from '../../api';
import { useLoadOnce } from '../../ui/load-once';

const NUMBERS = ['redMonthsLate', 'yellowMonthsLate', 'redGap', 'yellowGap', 'redShare', 'yellowShare', 'redMonthsUnreported', 'yellowMonthsUnreported', 'redDaysOverdue', 'yellowDaysOverdue'] as const;
type Field = (typeof NUMBERS)[number] | 'planMultiple';

/** Fractions are edited as percentages (0.1 → "10"). */
const PERCENT: ReadonlySet<Field> = new Set(['redGap', 'yellowGap', 'redShare', 'yellowShare']);

const RULES: { kind: WarningRuleKind; title: string }[] = [
  { kind: 'late', title: '逾期未开工' },
  { kind: 'gap', title: '低于序时进度（百分点）' },
  { kind: 'share', title: '低于序时进度的比例' },
  { kind: 'unreported', title: '连续未报送' },
  { kind: 'procedure', title: '前期手续逾期' },
];

function toText(t: WarningThresholds): Record<Field, string> {
  const out = {} as Record<Field, string>;
  for (const k of NUMBERS) {
    // Rounded to 0.1 of a percent: what the contract keeps (thousandths) without float noise.
    out[k] = PERCENT.has(k) ? String(Math.round(t[k] * 1000) / 10) : String(t[k]);
  }
  out.planMultiple = String(t.planMultiple ?? DEFAULT_PLAN_MULTIPLE);
  return out;
}

export function WarningRulesEditor(props: { readOnly: boolean; onError: (message: string) => void }) {
  const [values, setValues] = useState<Record<Field, string> | null>(null);
  const [rules, setRules] = useState<WarningRuleKind[]>([]);
  const [saved, setSaved] = useState('');
  useLoadOnce(() => call('settings.thresholds', {}), (t) => (setValues(toText(t)), setRules(t.rules)), props.onError);
  if (!values) return null;
  const input = (k: Field, label: string) => (
    <input className="narrow" aria-label={label} value={values[k]} disabled={props.readOnly} onChange={(e) => (setValues({ ...values, [k]: e.target.value }), setSaved(''))} />
  );
  const on = (kind: WarningRuleKind) => rules.includes(kind);
  const toggle = (kind: WarningRuleKind, checked: boolean) => {
    setRules(checked ? [...rules, kind] : rules.filter((r) => r !== kind));
    setSaved('');
  };
  const save = async () => {
    const n = (k: Field) => (PERCENT.has(k) ? Number(values[k]) / 100 : Number(values[k]));
    try {
      const t = await call('settings.setThresholds', { rules, ...Object.fromEntries(NUMBERS.map((k) => [k, n(k)])), planMultiple: n('planMultiple') });
      setValues(toText(t));
      setRules(t.rules);
      setSaved('已保存');
    } catch (err) {
      props.onError(messageOf(err));
    }
  };
  const text: Record<WarningRuleKind, ReactNode> = {
    late: (
      <>
        新建项目超过计划开工月份{input('yellowMonthsLate', '黄色逾期月数')}个月仍未开工为<span className="warning-yellow">黄色</span>，
        {input('redMonthsLate', '红色逾期月数')}个月为<span className="warning-red">红色</span>。
      </>
    ),
    gap: (
      <>
        完成率低于时序进度超过{input('yellowGap', '黄色落后百分点')}个百分点为<span className="warning-yellow">黄色</span>，超过
        {input('redGap', '红色落后百分点')}个百分点为<span className="warning-red">红色</span>。
      </>
    ),
    share: (
      <>
        完成率不足时序进度的{input('yellowShare', '黄色序时进度比例')}%为<span className="warning-yellow">黄色</span>，不足
        {input('redShare', '红色序时进度比例')}%为<span className="warning-red">红色</span>。
      </>
    ),
    unreported: (
      <>
        连续{input('yellowMonthsUnreported', '黄色未报送月数')}个月未报送（含当月）为<span className="warning-yellow">黄色</span>，
        {input('redMonthsUnreported', '红色未报送月数')}个月为<span className="warning-red">红色</span>。
      </>
    ),
    procedure: (
      <>
        前期手续计划办结日期已过、截至月底仍未取得，逾期{input('yellowDaysOverdue', '黄色手续逾期天数')}天为<span className="warning-yellow">黄色</span>，
        {input('redDaysOverdue', '红色手续逾期天数')}天为<span className="warning-red">红色</span>。
      </>
    ),
  };
  return (
    <section className="list-editor" data-testid="thresholds">
      <h2>预警规则</h2>
      <p className="muted">
        可同时启用多种规则，项目取其中最严重的颜色，预警原因写明是哪条规则。项目完成率按“1至当月累计完成投资 ÷ 年度计划投资”计算，时序进度为“月份 ÷ 12”。
      </p>
      {RULES.map((r) => (
        <p key={r.kind} data-testid={`rule-${r.kind}`}>
          <label className="check">
            <input type="checkbox" aria-label={`启用${r.title}`} checked={on(r.kind)} disabled={props.readOnly} onChange={(e) => toggle(r.kind, e.target.checked)} />
            <b>{r.title}</b>
          </label>
          ：{text[r.kind]}
        </p>
      ))}
      <p>
        导入调度表时，项目累计完成投资超过年度计划投资的{input('planMultiple', '累计超过年度计划的倍数')}倍时提示核对（多为单位或数字填错）。
      </p>
      <p>
        <button className="primary" disabled={props.readOnly} onClick={() => void save()}>
          保存预警规则
        </button>{' '}
        <span className="status-saved">{saved}</span>
      </p>
    </section>
  );
}
