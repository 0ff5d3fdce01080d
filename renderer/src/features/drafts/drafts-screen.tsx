/**
 * 材料生成: choose a draft and its period, fill in its parameters, and see it as it will print
 * (the same blocks the .docx is made of), with every number it uses listed beside it — click one
 * for the projects behind it. Save as Word, print, or change the wording (模板).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DRAFT_KIND_LABELS, DRAFT_KINDS, DRAFT_PARAMS, type Draft, type DraftKind, type DraftParam, type Figure } from '../../../../shared/drafts';
import type { ReplyCategory } from '../../../../shared/drafts-reply';
import type { Lists } from '../../../../shared/domain';
import type { ProjectFigures } from '../../../../shared/statistics';
import { call, messageOf } from '../../api';
import { deliverFile, DOCX_TYPE } from '../../ui/download';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { ProjectsDialog } from '../../ui/projects-dialog';
import { DraftPreview } from './draft-preview';
import { TemplateEditor } from './template-editor';
import { textWidth } from '../../../../shared/chart-labels';

const STORE = 'kpw.drafts.params';
/** What a parameter's box shows of its hint (13 px text in the 260 px column, less padding and border). */
const PARAM_BOX_PX = 246;
/** A hint longer than its box ("如 2024年9月5日；留空为当月关账或报送的日期") is written under it, whole, not cut in the box. */
const hintBelow = (hint: string | undefined) => Boolean(hint && textWidth(hint, 13) > PARAM_BOX_PX);
const EMPTY = Object.fromEntries(DRAFT_KINDS.map((k) => [k, {}])) as Record<DraftKind, Record<string, string>>;

/** Parameters typed before are kept in this browser profile (names and titles rarely change). */
function storedParams(): Record<DraftKind, Record<string, string>> {
  try {
    return { ...EMPTY, ...JSON.parse(localStorage.getItem(STORE) ?? '{}') };
  } catch {
    return EMPTY;
  }
}

export function DraftsScreen(props: { lists: Lists; readOnly: boolean }) {
  const { year, setYear, month, setMonth } = usePeriod(props.lists.years);
  const [kind, setKind] = useState<DraftKind>('bulletin');
  const [allParams, setAllParams] = useState(storedParams);
  const params = allParams[kind];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [behind, setBehind] = useState<{ figure: Figure; projects: ProjectFigures[] } | null>(null);
  const [editing, setEditing] = useState(false);
  const [revision, setRevision] = useState(0);

  useEffect(() => localStorage.setItem(STORE, JSON.stringify(allParams)), [allParams]);
  // The reply's 办复类别 are the office's (设置 > 办复类别), shown with their definitions.
  const [categories, setCategories] = useState<ReplyCategory[] | null>(null);
  useEffect(() => {
    if (kind === 'proposal-reply') call('drafts.replyCategories', {}).then(setCategories, (err) => setError(messageOf(err)));
  }, [kind]);
  const choicesOf = (p: DraftParam): { value: string; label: string }[] =>
    p.key === 'answerCategory' && categories ? categories.map((c) => ({ value: c.code, label: `${c.code}（${c.definition}）` })) : p.choices!.map((c) => ({ value: c, label: c }));

  // Rebuilt whenever the period, the parameters or the templates change (typing waits a moment).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      call('drafts.build', { kind, year, month, params }).then(
        (d) => live && (setDraft(d), setError(null)),
        (err) => live && setError(messageOf(err)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [kind, year, month, params, revision]);

  const setParam = (key: string, value: string) => setAllParams((all) => ({ ...all, [kind]: { ...all[kind], [key]: value } }));

  const openFigure = useCallback((figure: Figure) => {
    setSelected(figure.id);
    const { year: y, month: m, filter, where } = figure.source;
    call('stats.projects', { year: y, month: m, filter, where }).then((projects) => setBehind({ figure, projects }), (err) => setError(messageOf(err)));
  }, []);
  const figuresById = useMemo(() => new Map(draft?.figures.map((f) => [f.id, f])), [draft]);

  const save = () => {
    setMessage('正在生成Word文稿…');
    deliverFile(call('drafts.export', { kind, year, month, params }), DOCX_TYPE).then(
      (text) => setMessage(text ?? ''),
      (err) => (setMessage(''), setError(messageOf(err))),
    );
  };
  const placeholders = draft ? draft.blocks.flatMap((b) => ('runs' in b ? b.runs : b.kind === 'table' ? b.rows.flat(2) : [])).filter((r) => r.placeholder).length : 0;

  return (
    <section className="drafts-screen" data-testid="drafts-screen">
      <div className="toolbar" role="toolbar" aria-label="材料生成工具栏">
        <label>
          文稿
          <select aria-label="文稿类型" value={kind} onChange={(e) => (setKind(e.target.value as DraftKind), setSelected(null))}>
            {DRAFT_KINDS.map((k) => (
              <option key={k} value={k}>
                {DRAFT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <PeriodPicker years={props.lists.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['文稿年度', '文稿月份']} />
        <span className="spacer" />
        <span className="muted" role="status">
          {message}
        </span>
        <button onClick={() => setEditing(true)}>模板和字体…</button>
        <button onClick={() => window.print()} disabled={!draft} title="打印或另存为PDF">
          打印…
        </button>
        <button className="primary" onClick={save} disabled={!draft}>
          保存为Word…
        </button>
      </div>
      {error && <p className="error-text">{error}</p>}
      {draft?.problems.map((p) => (
        <p key={p} className="warning-text">
          {p}
        </p>
      ))}
      <div className="drafts-body">
        <form className="draft-params" aria-label="文稿参数" onSubmit={(e) => e.preventDefault()}>
          {DRAFT_PARAMS[kind].map((p) => (
            <label key={p.key}>
              <span>{p.label}</span>
              {p.type === 'lines' ? (
                <textarea rows={5} value={params[p.key] ?? ''} placeholder={p.placeholder} onChange={(e) => setParam(p.key, e.target.value)} aria-label={p.label} />
              ) : p.type === 'choice' ? (
                <select value={params[p.key] ?? ''} onChange={(e) => setParam(p.key, e.target.value)} aria-label={p.label}>
                  <option value="">（请选择）</option>
                  {choicesOf(p).map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input value={params[p.key] ?? ''} placeholder={hintBelow(p.placeholder) ? undefined : p.placeholder} onChange={(e) => setParam(p.key, e.target.value)} aria-label={p.label} />
              )}
              {p.type !== 'lines' && p.type !== 'choice' && hintBelow(p.placeholder) && <span className="param-hint muted">{p.placeholder}</span>}
            </label>
          ))}
        </form>
        <div className="draft-page-wrap">{draft && <DraftPreview draft={draft} selected={selected} onFigure={(id) => figuresById.get(id) && openFigure(figuresById.get(id)!)} />}</div>
        <aside className="draft-figures" aria-label="文稿中的数字">
          <h3>
            文稿中的数字（{draft?.figures.length ?? 0}个{placeholders ? `，待补充${placeholders}处` : ''}）
          </h3>
          <ol>
            {draft?.figures.map((f) => (
              <li key={f.id} className={selected === f.id ? 'selected' : ''}>
                <button className="link" onClick={() => openFigure(f)} title={`${f.definition}（点击查看这些项目）`}>
                  <span className="figure-label">{f.label}</span>
                  <span className="figure-text">{f.text}</span>
                </button>
              </li>
            ))}
          </ol>
        </aside>
      </div>
      {behind && (
        <ProjectsDialog
          title={`${behind.figure.label}：${behind.figure.text}（${behind.projects.length}个项目）`}
          projects={behind.projects}
          onClose={() => setBehind(null)}
          testId="figure-projects"
        />
      )}
      {editing && <TemplateEditor readOnly={props.readOnly} onClose={() => setEditing(false)} onChanged={() => setRevision((r) => r + 1)} />}
    </section>
  );
}
