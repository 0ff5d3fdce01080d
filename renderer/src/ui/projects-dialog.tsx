/** The projects behind a number (a chart's bar, a draft's figure): who they are and how they stand. */
import type { ReactNode } from 'react';
import type { NumberStyle } from '../../../shared/number-style';
import { moneyHeader, moneyTable, percent } from '../../../shared/phrases';
import type { ProjectFigures } from '../../../shared/statistics';
import { Modal } from './dialogs';
import { useNumberStyle } from './number-style';

/** The list: amounts in the office's table unit, named once in the column's header. */
export function ProjectsDialog(props: { title: string; projects: ProjectFigures[]; onClose: () => void; actions?: ReactNode; testId?: string; style?: NumberStyle }) {
  const libraryStyle = useNumberStyle();
  const style = props.style ?? libraryStyle;
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
            <th>{moneyHeader('年度计划投资', style.tableUnit)}</th>
            <th>{moneyHeader('完成投资', style.tableUnit)}</th>
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
              <td className="num">{moneyTable(p.annualPlan, style)}</td>
              <td className="num">{moneyTable(p.completedToDate, style)}</td>
              <td className="num">{percent(p.completedToDate, p.annualPlan, style)}</td>
              <td title={p.warningReason ?? ''}>{{ red: '红', yellow: '黄', green: '绿' }[p.warning]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
