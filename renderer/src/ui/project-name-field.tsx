/**
 * 项目名称 in a form that acts on one project (记录问题, 下发督办单): typed, or chosen from the year's
 * list offered as the user types. The form finds the project by the exact name and refuses an
 * unknown one with the year named.
 */
export interface NamedProject {
  projectId: number;
  name: string;
  /** Shown beside the name in the list, e.g. "红色预警". */
  note?: string;
}

export function ProjectNameField(props: { listId: string; value: string; onChange: (value: string) => void; projects: readonly NamedProject[] }) {
  return (
    <label>
      项目名称
      <input list={props.listId} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label="项目名称" />
      <datalist id={props.listId}>
        {props.projects.map((p) => (
          <option key={p.projectId} value={p.name}>
            {p.note ?? ''}
          </option>
        ))}
      </datalist>
    </label>
  );
}

/** The project of that exact name, or the reason there is none. */
export function findByName<P extends NamedProject>(projects: readonly P[], name: string, year: number): P | string {
  return projects.find((p) => p.name === name.trim()) ?? `${year}年清单中没有名为“${name.trim()}”的项目`;
}
