/**
 * 设置: the library's editable lists. Districts must be listed before a project can be placed in one
 * (so a typo cannot create a district); each category carries its lead department; tags are the
 * labels counted in the drafts ("符合十强产业项目602个").
 */
import { useEffect, useState } from 'react';
import type { Lists } from '../../../../shared/domain';
import { call, messageOf } from '../../api';
import { BackupsPanel } from './backups-panel';
import { StyleEditor } from './style-editor';
import { DEFAULT_PLAN_MULTIPLE } from '../../../../shared/statistics';

type Kind = 'districts' | 'categories' | 'tags';

const TITLES: Record<Kind, { title: string; hint: string }> = {
  districts: { title: '区市', hint: '项目“所在区市”只能从这里列出的区市中选择。' },
  categories: { title: '项目类别及牵头部门', hint: '每个类别由一个部门牵头；项目选择类别时，牵头部门随之填入。' },
  tags: { title: '行业/领域标签', hint: '项目可带多个标签，用于统计“符合十强产业项目N个”等。' },
};

function ListEditor(props: { kind: Kind; lists: Lists; readOnly: boolean; onChanged: (lists: Lists) => void; onError: (message: string) => void }) {
  const { kind, lists } = props;
  const items: { id: number; name: string; leadDepartment?: string }[] = lists[kind];
  const [newName, setNewName] = useState('');
  const [newLead, setNewLead] = useState('');
  const [drafts, setDrafts] = useState<Record<number, { name?: string; lead?: string }>>({});

  const run = async (action: () => Promise<Lists>) => {
    try {
      props.onChanged(await action());
      return true;
    } catch (err) {
      props.onError(messageOf(err));
      return false;
    }
  };

  return (
    <section className="list-editor" data-testid={`list-${kind}`}>
      <h2>{TITLES[kind].title}</h2>
      <p className="muted">{TITLES[kind].hint}</p>
      <table>
        <tbody>
          {items.map((item) => {
            const draft = drafts[item.id] ?? {};
            const name = draft.name ?? item.name;
            const lead = draft.lead ?? item.leadDepartment ?? '';
            const dirty = name !== item.name || (kind === 'categories' && lead !== (item.leadDepartment ?? ''));
            return (
              <tr key={item.id}>
                <td>
                  <input aria-label={`${TITLES[kind].title}名称`} value={name} disabled={props.readOnly} onChange={(e) => setDrafts({ ...drafts, [item.id]: { ...draft, name: e.target.value } })} />
                </td>
                {kind === 'categories' && (
                  <td>
                    <input aria-label="牵头部门" value={lead} disabled={props.readOnly} onChange={(e) => setDrafts({ ...drafts, [item.id]: { ...draft, lead: e.target.value } })} />
                  </td>
                )}
                <td className="row-actions">
                  <button
                    disabled={!dirty || props.readOnly}
                    onClick={async () => {
                      let ok = true;
                      if (name !== item.name) ok = await run(() => call('lists.rename', { kind, id: item.id, name }));
                      if (ok && kind === 'categories' && lead !== (item.leadDepartment ?? '')) ok = await run(() => call('lists.setLeadDepartment', { id: item.id, leadDepartment: lead }));
                      if (ok) setDrafts(({ [item.id]: _, ...rest }) => rest);
                    }}
                  >
                    保存
                  </button>
                  <button disabled={props.readOnly} onClick={() => void run(() => call('lists.remove', { kind, id: item.id }))}>
                    删除
                  </button>
                </td>
              </tr>
            );
          })}
          <tr>
            <td>
              <input aria-label={`新增${TITLES[kind].title}`} placeholder="新增…" value={newName} disabled={props.readOnly} onChange={(e) => setNewName(e.target.value)} />
            </td>
            {kind === 'categories' && (
              <td>
                <input aria-label="新增类别的牵头部门" placeholder="牵头部门" value={newLead} disabled={props.readOnly} onChange={(e) => setNewLead(e.target.value)} />
              </td>
            )}
            <td className="row-actions">
              <button
                className="primary"
                disabled={!newName.trim() || props.readOnly}
                onClick={async () => {
                  if (await run(() => call('lists.add', { kind, name: newName, ...(kind === 'categories' ? { leadDepartment: newLead } : {}) }))) {
                    setNewName('');
                    setNewLead('');
                  }
                }}
              >
                添加
              </button>
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

/** 预警规则: the thresholds of the red/yellow/green rules (STATISTICS.md), in months and 百分点. */
function ThresholdsEditor(props: { readOnly: boolean; onError: (message: string) => void }) {
  const [values, setValues] = useState<{ redMonthsLate: string; yellowMonthsLate: string; redGap: string; yellowGap: string; planMultiple: string } | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    call('settings.thresholds', {}).then(
      (t) =>
        setValues({
          redMonthsLate: String(t.redMonthsLate),
          yellowMonthsLate: String(t.yellowMonthsLate),
          redGap: String(Math.round(t.redGap * 100)),
          yellowGap: String(Math.round(t.yellowGap * 100)),
          planMultiple: String(t.planMultiple ?? DEFAULT_PLAN_MULTIPLE),
        }),
      (err) => props.onError(messageOf(err)),
    );
    // Loaded once when the screen opens; onError only reports, a new one must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (!values) return null;
  const input = (k: keyof typeof values, label: string) => (
    <input className="narrow" aria-label={label} value={values[k]} disabled={props.readOnly} onChange={(e) => (setValues({ ...values, [k]: e.target.value }), setSaved(''))} />
  );
  const save = async () => {
    const n = (k: keyof typeof values) => Number(values[k]);
    try {
      await call('settings.setThresholds', { redMonthsLate: n('redMonthsLate'), yellowMonthsLate: n('yellowMonthsLate'), redGap: n('redGap') / 100, yellowGap: n('yellowGap') / 100, planMultiple: n('planMultiple') });
      setSaved('已保存');
    } catch (err) {
      props.onError(messageOf(err));
    }
  };
  return (
    <section className="list-editor" data-testid="thresholds">
      <h2>预警规则</h2>
      <p className="muted">项目完成率按“1至当月累计完成投资 ÷ 年度计划投资”计算，时序进度为“月份 ÷ 12”。</p>
      <p>
        <span className="warning-red">红色</span>：新建项目超过计划开工月份{input('redMonthsLate', '红色逾期月数')}个月仍未开工，或完成率低于时序进度超过{input('redGap', '红色落后百分点')}个百分点。
      </p>
      <p>
        <span className="warning-yellow">黄色</span>：新建项目超过计划开工月份{input('yellowMonthsLate', '黄色逾期月数')}个月仍未开工，或完成率低于时序进度超过{input('yellowGap', '黄色落后百分点')}个百分点。
      </p>
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

export function SettingsScreen(props: { lists: Lists; readOnly: boolean; onListsChanged: (lists: Lists) => void; onRestored: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="settings-screen">
      {error && (
        <p className="error-text" role="alert" data-testid="settings-error">
          {error}
        </p>
      )}
      <ThresholdsEditor readOnly={props.readOnly} onError={setError} />
      <StyleEditor readOnly={props.readOnly} onError={setError} />
      <div className="settings-columns">
        {(['districts', 'categories', 'tags'] as const).map((kind) => (
          <ListEditor
            key={kind}
            kind={kind}
            lists={props.lists}
            readOnly={props.readOnly}
            onChanged={(lists) => {
              setError(null);
              props.onListsChanged(lists);
            }}
            onError={setError}
          />
        ))}
      </div>
      <BackupsPanel readOnly={props.readOnly} onRestored={props.onRestored} />
    </section>
  );
}
