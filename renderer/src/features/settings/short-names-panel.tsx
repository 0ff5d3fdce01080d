/**
 * 设置 > 图表简称: the office's own short names of its districts and categories ("火炬高技术产业开发区"
 * → "火炬区"), printed by every chart in place of the full name. Tables and texts keep the full,
 * official name. A long name without a short one is wrapped on the chart instead.
 */
import { useEffect, useState } from 'react';
import { SHORT_NAME_MAX, type ShortNames } from '../../../../shared/chart-labels';
import type { Lists } from '../../../../shared/domain';
import { call, messageOf } from '../../api';

export function ShortNamesPanel(props: { lists: Lists; readOnly: boolean; onError: (message: string) => void }) {
  const [saved, setSaved] = useState<ShortNames>({});
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => {
    call('settings.chartNames', {}).then(
      (names) => (setSaved(names), setDraft({ ...names })),
      (err) => props.onError(messageOf(err)),
    );
    // Loaded once when the screen opens; onError only reports, a new one must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const groups: [string, string[]][] = [
    ['区市', props.lists.districts.map((d) => d.name)],
    ['项目类别', props.lists.categories.map((c) => c.name)],
  ];
  const listed = new Set(groups.flatMap(([, names]) => names));
  // A short name kept for a name no longer listed (renamed or removed) stays visible, to be cleared.
  const others = Object.keys(saved).filter((n) => !listed.has(n));
  if (others.length) groups.push(['其他', others]);
  const dirty = JSON.stringify(Object.entries(draft).filter(([, v]) => v.trim())) !== JSON.stringify(Object.entries(saved));
  const save = async () => {
    try {
      const names = await call('settings.setChartNames', { names: draft });
      setSaved(names);
      setDraft({ ...names });
      setMessage(`已保存${Object.keys(names).length}个简称`);
    } catch (err) {
      props.onError(messageOf(err));
    }
  };
  return (
    <section className="list-editor short-names" data-testid="short-names">
      <h2>图表简称</h2>
      <p className="muted">图表中用简称代替较长的全称（如“火炬高技术产业开发区”→“火炬区”），最多{SHORT_NAME_MAX}个字；表格和文字仍用全称。未设简称的长名称在图上折行显示。</p>
      <table>
        <tbody>
          {groups.map(([title, names]) =>
            names.map((name, i) => (
              <tr key={`${title}:${name}`}>
                <td className="muted">{i === 0 ? title : ''}</td>
                <td>{name}</td>
                <td>
                  <input
                    aria-label={`${name}的简称`}
                    placeholder="（用全称）"
                    maxLength={SHORT_NAME_MAX}
                    value={draft[name] ?? ''}
                    disabled={props.readOnly}
                    onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
                  />
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <p className="row-actions">
        <button className="primary" disabled={!dirty || props.readOnly} onClick={() => void save()}>
          保存简称
        </button>
        <span className="muted">{message}</span>
      </p>
    </section>
  );
}
