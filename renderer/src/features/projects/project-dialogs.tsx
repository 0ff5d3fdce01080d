/** The 项目库 screen's dialogs: add, delete (count and the first names), export, and the import steps. */
import { useState } from 'react';
import type { MoneyUnit } from '../../../../shared/money';
import { IMPORT_FORMATS_TEXT } from '../../../../shared/import-formats';
import type { ProjectImportPreview } from '../../../../shared/import';
import type { ProgressImportPreview } from '../../../../shared/progress-import';
import { BusyDialog, ChooseFileDialog, ConfirmDialog, MessageListDialog, Modal, PromptDialog } from '../../ui/dialogs';
import { ImportDialog } from '../import/import-dialog';
import { ProgressImportDialog } from '../import/progress-import-dialog';
import { MonthSelect } from '../../ui/period-picker';

export type ProjectDialog =
  | { kind: 'add' }
  | { kind: 'export'; count: number }
  | { kind: 'import'; preview: ProjectImportPreview }
  | { kind: 'progressMonth' }
  | { kind: 'pickProjects' }
  | { kind: 'progress'; month: number; token: string; previews: ProgressImportPreview[] }
  | { kind: 'busy'; message: string }
  | { kind: 'remove'; ids: number[]; names: string[] }
  | { kind: 'messages'; title: string; intro: string; messages: string[] }
  | null;

/** How many names a deletion lists before "等N个". */
const NAMED = 5;

export function removeMessage(year: number, names: string[]): string {
  const shown = names.slice(0, NAMED).map((n) => `“${n}”`).join('、');
  const rest = names.length > NAMED ? `等${names.length}个项目` : names.length > 1 ? `这${names.length}个项目` : '';
  return `确定从${year}年清单中删除${shown}${rest}吗？删除后可以撤销（Ctrl+Z）。`;
}

export interface ProjectDialogsProps {
  dialog: ProjectDialog;
  year: number;
  unit: MoneyUnit;
  progressMonth: number;
  onProgressMonth: (month: number) => void;
  close: () => void;
  onAdd: (name: string) => void;
  onRemove: (ids: number[]) => void;
  onExport: (unit: MoneyUnit) => void;
  onCancelRead: () => void;
  onChooseProjects: () => void;
  onChooseProgress: () => void;
  onImported: Parameters<typeof ImportDialog>[0]["onImported"];
  onProgressImported: (text: string) => void;
}

function ExportDialog(props: { year: number; count: number; unit: MoneyUnit; onExport: (unit: MoneyUnit) => void; onCancel: () => void }) {
  const [unit, setUnit] = useState<MoneyUnit>(props.unit);
  return (
    <Modal
      title={`导出${props.year}年项目清单`}
      testId="export-dialog"
      onClose={props.onCancel}
      actions={
        <>
          <button onClick={props.onCancel}>取消</button>
          <button className="primary" autoFocus onClick={() => props.onExport(unit)}>
            导出
          </button>
        </>
      }
    >
      <p>导出表格当前显示的{props.count}个项目（按当前的筛选和排序），表格显示的列按当前顺序各成一列，为 Excel 工作簿（.xlsx）。</p>
      <label className="field">
        金额单位
        <select aria-label="导出金额单位" value={unit} onChange={(e) => setUnit(e.target.value as MoneyUnit)}>
          <option value="万元">万元</option>
          <option value="亿元">亿元</option>
        </select>
      </label>
    </Modal>
  );
}

export function ProjectDialogs(p: ProjectDialogsProps) {
  const { dialog, year } = p;
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add':
      return <PromptDialog title={`新增项目（${year}年清单）`} label="项目名称（与项目库中已有的项目同名时不能新增）" onSubmit={p.onAdd} onCancel={p.close} />;
    case 'remove':
      return <ConfirmDialog title={`删除${dialog.ids.length}个项目`} message={removeMessage(year, dialog.names)} confirmLabel={`删除${dialog.ids.length}个项目`} onConfirm={() => p.onRemove(dialog.ids)} onCancel={p.close} />;
    case 'export':
      return <ExportDialog year={year} count={dialog.count} unit={p.unit} onExport={p.onExport} onCancel={p.close} />;
    case 'import':
      return <ImportDialog initial={dialog.preview} onClose={p.close} onImported={p.onImported} />;
    case 'busy':
      return <BusyDialog message={dialog.message} onCancel={p.onCancelRead} />;
    case 'pickProjects':
      return (
        <ChooseFileDialog title={`导入${year}年项目清单`} onCancel={p.close} onChoose={p.onChooseProjects}>
          <p>选择区市报送的项目清单：{IMPORT_FORMATS_TEXT}。导入前会先显示预览，确认后才写入。</p>
        </ChooseFileDialog>
      );
    case 'progressMonth':
      return (
        <ChooseFileDialog title={`导入${year}年月调度`} testId="progress-month-dialog" onCancel={p.close} onChoose={p.onChooseProgress}>
          <label className="field">
            调度月份（1至该月的累计数）
            <MonthSelect label="调度月份" month={p.progressMonth} onMonth={p.onProgressMonth} />
          </label>
          <p className="muted">可一次选择多个文件（如各区市交回的填报模板），全部无误才会写入。</p>
        </ChooseFileDialog>
      );
    case 'progress':
      return (
        <ProgressImportDialog
          token={dialog.token}
          year={year}
          month={dialog.month}
          previews={dialog.previews}
          onClose={p.close}
          onImported={(r) => p.onProgressImported(`已导入${year}年${dialog.month}月调度：新报送${r.added}个，更新${r.updated}个，无变化${r.unchanged}个`)}
        />
      );
    case 'messages':
      return <MessageListDialog title={dialog.title} intro={dialog.intro} messages={dialog.messages} onClose={p.close} />;
  }
}
