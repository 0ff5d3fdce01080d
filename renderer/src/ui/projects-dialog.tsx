/** The projects behind a number (a chart's bar, a draft's figure): who they are and how they stand. */
import type { ReactNode } from 'react';
import { formatMoneyText, formatPercent } from '../../../shared/format';
import type { ProjectFigures } from '../../../shared/statistics';
import { Modal } from './dialogs';

export function ProjectsDialog(props: { title: string; projects: ProjectFigures[]; onClose: () => void; actions?: ReactNode; testId?: string }) {
  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      testId={props.testId ?? 'drill-dialog'}
      wide
      actions={
        <>
          {props.actions}
          <button onClick={props.onClose}>关闭</button>
        </>
      }
    >
      <table className="preview-rows drill">
        <thead>
          <tr>
            <th>项目名称</th>
            <th>所在区市</th>
            <th>项目类别</th>
            <th>年度计划投资</th>
            <th>完成投资</th>
            <th>完成率</th>
            <th>预警</th>
          </tr>
        </thead>
        <tbody>
          {props.projects.map((p) => (
            <tr key={p.projectId} className={`warning-row-${p.warning}`}>
              <td>{p.name}</td>
              <td>{p.district ?? ''}</td>
              <td>{p.category ?? ''}</td>
              <td>{formatMoneyText(p.annualPlan)}</td>
              <td>{formatMoneyText(p.completedToDate)}</td>
              <td>{p.annualPlan > 0 ? formatPercent(p.completedToDate, p.annualPlan) : '—'}</td>
              <td title={p.warningReason ?? ''}>{{ red: '红', yellow: '黄', green: '绿' }[p.warning]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
