/**
 * 设置: the library's editable lists. Districts must be listed before a project can be placed in one
 * (so a typo cannot create a district); each category carries its lead department; tags are the
 * labels counted in the drafts ("符合十强产业项目602个").
 */
import { useState } from 'react';
import type { Lists } from '../../../../shared/domain';
import { call, messageOf } from '../../api';
import { BackupsPanel } from './backups-panel';
import { WarningRulesEditor } from './warning-rules-editor';
import { StyleEditor } from './style-editor';
import { PlanSplitPanel } from './plan-split-panel';
import { ShortNamesPanel } from './short-names-panel';
import { ProcedureKindsPanel } from './procedure-kinds-panel';
import { ReplyCategoriesPanel } from './reply-categories-panel';

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

export function SettingsScreen(props: { lists: Lists; readOnly: boolean; onListsChanged: (lists: Lists) => void; onRestored: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="settings-screen">
      {error && (
        <p className="error-text" role="alert" data-testid="settings-error">
          {error}
        </p>
      )}
      <WarningRulesEditor readOnly={props.readOnly} onError={setError} />
      <StyleEditor readOnly={props.readOnly} onError={setError} />
      <PlanSplitPanel readOnly={props.readOnly} onError={setError} />
      <ProcedureKindsPanel readOnly={props.readOnly} onError={setError} />
      <ReplyCategoriesPanel readOnly={props.readOnly} onError={setError} />
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
        <ShortNamesPanel lists={props.lists} readOnly={props.readOnly} onError={setError} />
      </div>
      <BackupsPanel readOnly={props.readOnly} onRestored={props.onRestored} />
    </section>
  );
}
