/** The 项目库 toolbar: year, quick search, unit, and the list's actions ("…" opens a dialog first). */
import type { MoneyUnit } from '../../../../shared/money';
import { HistoryButtons } from '../../ui/history-buttons';
import { YearSelect } from '../../ui/period-picker';
import { SelectionChip, type ProjectSelection } from '../../ui/selection';
import { HiddenFileInput } from '../../ui/file-input';

export interface ToolbarProps {
  year: number;
  yearOptions: number[];
  onYear: (year: number) => void;
  selection: ProjectSelection | null;
  onClearSelection: () => void;
  search: string;
  onSearch: (text: string) => void;
  unit: MoneyUnit;
  onUnit: (unit: MoneyUnit) => void;
  readOnly: boolean;
  revision: number;
  selectedCount: number;
  showDetail: boolean;
  onToggleDetail: () => void;
  /** The hidden file inputs, opened by the dialogs' 选择文件… buttons. */
  fileInput: React.RefObject<HTMLInputElement | null>;
  progressInput: React.RefObject<HTMLInputElement | null>;
  onImportFile: (file: File) => void;
  onProgressFiles: (files: File[]) => void;
  onImport: () => void;
  onProgress: () => void;
  onExport: () => void;
  onAdd: () => void;
  onRemove: () => void;
  onCopyToNextYear: () => void;
}

export function ProjectToolbar(p: ToolbarProps) {
  return (
    <div className="toolbar" role="toolbar" aria-label="项目库工具栏">
      <label>
        年度
        <YearSelect label="年度" years={p.yearOptions} year={p.year} onYear={p.onYear} />
      </label>
      {p.selection && <SelectionChip selection={p.selection} onClear={p.onClearSelection} />}
      <input className="search" type="search" placeholder="快速查找（可用拼音首字母）" title="快速查找（Ctrl+F）：项目名称、单位等，也可用拼音首字母" aria-label="快速查找" value={p.search} onChange={(e) => p.onSearch(e.target.value)} />
      <div className="segmented" role="group" aria-label="金额单位">
        {(['万元', '亿元'] as const).map((u) => (
          <button key={u} className={u === p.unit ? 'active' : ''} aria-pressed={u === p.unit} onClick={() => p.onUnit(u)}>
            {u}
          </button>
        ))}
      </div>
      <span className="spacer" />
      <button disabled={p.readOnly} onClick={p.onImport} title="从 Excel/WPS 工作簿、CSV 或 Word 表格导入本年度项目清单">
        导入…
      </button>
      <HiddenFileInput inputRef={p.fileInput} testId="import-file" onFiles={(files) => p.onImportFile(files[0]!)} />
      <button disabled={p.readOnly} onClick={p.onProgress} title="导入某月调度表或各区市交回的填报模板">
        导入月调度…
      </button>
      <HiddenFileInput inputRef={p.progressInput} testId="progress-files" multiple onFiles={p.onProgressFiles} />
      <button onClick={p.onExport} title="把表格当前显示的项目导出为 Excel 工作簿">
        导出…
      </button>
      <button disabled={p.readOnly} onClick={p.onAdd}>
        新增项目…
      </button>
      <button disabled={p.readOnly} onClick={p.onRemove}>
        删除{p.selectedCount ? `（${p.selectedCount}）` : ''}…
      </button>
      <button disabled={p.readOnly} onClick={p.onCopyToNextYear} title="把勾选的续建项目加入下一年清单">
        复制到{p.year + 1}年
      </button>
      <HistoryButtons readOnly={p.readOnly} revision={p.revision} />
      <button aria-pressed={p.showDetail} onClick={p.onToggleDetail}>
        详情
      </button>
    </div>
  );
}
