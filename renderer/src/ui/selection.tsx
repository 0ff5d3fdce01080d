/**
 * Projects picked on one screen to be edited on another: the projects behind a bar of 统计分析
 * opened in 项目库 or 月调度, where editing already works. The receiving screen shows only them,
 * under a chip that names where they came from and gives the whole list back.
 */
export interface ProjectSelection {
  /** Where the projects came from, e.g. "荣成市". */
  label: string;
  year: number;
  month: number;
  projectIds: number[];
}

export function SelectionChip(props: { selection: ProjectSelection; onClear: () => void }) {
  return (
    <span className="selection-chip" data-testid="selection-chip">
      仅显示：{props.selection.label}（{props.selection.projectIds.length}个项目）
      <button className="link" onClick={props.onClear}>
        显示全部
      </button>
    </span>
  );
}
