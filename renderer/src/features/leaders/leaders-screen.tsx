/**
 * 包联: the leaders who contact projects, each with his page — his projects' figures, warnings and
 * open problems — as it prints on one A4 page; one leader's page or all of them as one Word file.
 */
import { useEffect, useState } from 'react';
import type { Draft } from '../../../../shared/drafts';
import type { Lists } from '../../../../shared/domain';
import type { KeyedSummary } from '../../../../shared/statistics';
import { call, messageOf } from '../../api';
import { deliverFile, DOCX_TYPE } from '../../ui/download';
import { PeriodPicker, usePeriod } from '../../ui/period-picker';
import { DraftPreview } from '../drafts/draft-preview';


export function LeadersScreen(props: { lists: Lists }) {
  const { year, setYear, month, setMonth } = usePeriod(props.lists.years);
  const [leaders, setLeaders] = useState<KeyedSummary[]>([]);
  const [leader, setLeader] = useState<string | null>(null);
  const [page, setPage] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    call('stats.get', { year, month }).then((st) => {
      const withProjects = st.byContactLeader.filter((l) => l.projects > 0);
      setLeaders(withProjects);
      setLeader((current) => (current && withProjects.some((l) => l.key === current) ? current : (withProjects[0]?.key ?? null)));
    }, (err) => setMessage(messageOf(err)));
  }, [year, month]);
  useEffect(() => {
    if (!leader) return setPage(null);
    call('drafts.build', { kind: 'leader-pages', year, month, params: { leader } }).then(setPage, (err) => setMessage(messageOf(err)));
  }, [leader, year, month]);

  const save = (params: Record<string, string>) =>
    deliverFile(call('drafts.export', { kind: 'leader-pages', year, month, params }), DOCX_TYPE).then(
      (text) => text && setMessage(text),
      (err) => setMessage(messageOf(err)),
    );

  return (
    <section className="drafts-screen" data-testid="leaders-screen">
      <div className="toolbar" role="toolbar" aria-label="包联工具栏">
        <PeriodPicker years={props.lists.years} year={year} month={month} onYear={setYear} onMonth={setMonth} labels={['包联年度', '包联月份']} />
        <span className="spacer" />
        <span className="muted" role="status">
          {message}
        </span>
        <button disabled={!page} onClick={() => window.print()}>
          打印本页…
        </button>
        <button disabled={!leader} onClick={() => void save({ leader: leader! })}>
          保存本页为Word…
        </button>
        <button className="primary" disabled={leaders.length === 0} onClick={() => void save({})}>
          全部领导（一个Word文件）…
        </button>
      </div>
      <div className="drafts-body leaders-body">
        <nav className="leader-list" aria-label="包联领导">
          {leaders.length === 0 && <p className="muted">{year}年清单中的项目都还没有包联领导。</p>}
          <ul>
            {leaders.map((l) => (
              <li key={l.key}>
                <button className={`link${l.key === leader ? ' active' : ''}`} aria-current={l.key === leader ? 'true' : undefined} onClick={() => setLeader(l.key)}>
                  <span>{l.key}</span>
                  <span className="muted">
                    {l.projects}个{l.warnings.red ? `，红${l.warnings.red}` : ''}
                    {l.warnings.yellow ? `，黄${l.warnings.yellow}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="draft-page-wrap">{page && <DraftPreview draft={page} selected={null} onFigure={() => undefined} />}</div>
      </div>
    </section>
  );
}
