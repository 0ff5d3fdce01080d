/**
 * The column table every import preview shows (project lists, dispatch sheets, ledgers): each
 * column of the sheet, its header, what it is imported as — changeable — and, where amounts are
 * read, its unit. One component, so the three dialogs cannot drift apart.
 */
export interface MappedColumn<T extends string> {
  index: number;
  letter: string;
  header: string;
  target: T | null;
  unit?: string | null;
}

export function ColumnMapping<T extends string>(props: {
  columns: readonly MappedColumn<T>[];
  targets: readonly { value: T; label: string }[];
  disabled: boolean;
  /** Units are shown for sheets whose amounts are read (lists and dispatch sheets). */
  showUnit?: boolean;
  /** The select's accessible name, by default "A列导入为". */
  label?: (column: MappedColumn<T>) => string;
  onChange(column: MappedColumn<T>, target: T | null): void;
}) {
  const label = props.label ?? ((c: MappedColumn<T>) => `${c.letter}列导入为`);
  return (
    <table className="mapping">
      <thead>
        <tr>
          <th>列</th>
          <th>表头</th>
          <th>导入为</th>
          {props.showUnit && <th>单位</th>}
        </tr>
      </thead>
      <tbody>
        {props.columns.map((c) => (
          <tr key={c.index}>
            <td>{c.letter}</td>
            <td>{c.header}</td>
            <td>
              <select aria-label={label(c)} value={c.target ?? ''} disabled={props.disabled} onChange={(e) => props.onChange(c, (e.target.value || null) as T | null)}>
                <option value="">（不导入）</option>
                {props.targets.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            </td>
            {props.showUnit && <td>{c.unit ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
