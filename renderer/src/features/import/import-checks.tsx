/**
 * What a person checks in a project list before importing it: the columns 总投资 / 年度计划投资
 * the list has none of (shown first, to be mapped or confirmed), each money column added up in
 * 万元 and 亿元 beside the sheet's own 合计, the first rows as they will be stored, the section and
 * group rows read as headings, and how words beyond the library's were understood.
 */
import { formatMoneyCell } from '../../../../shared/format';
import type { ProjectImportPreview, RequiredMoneyTarget } from '../../../../shared/import';
import { PreviewRows } from './preview-rows';


/** The missing columns, each with its confirmation: until mapped or confirmed, nothing is imported. */
export function MissingColumns(props: { preview: ProjectImportPreview; allowed: RequiredMoneyTarget[]; disabled: boolean; onAllow: (target: RequiredMoneyTarget, allow: boolean) => void }) {
  if (props.preview.missingRequired.length === 0) return null;
  return (
    <section data-testid="import-missing">
      {props.preview.missingRequired.map((m) => (
        <div key={m.target}>
          <p className={props.allowed.includes(m.target) ? 'warning-text' : 'error-text'} role="alert">
            {m.message}
          </p>
          <label>
            <input type="checkbox" checked={props.allowed.includes(m.target)} disabled={props.disabled} onChange={(e) => props.onAllow(m.target, e.target.checked)} />
            确认这份清单没有{m.label}（导入后各项目的{m.label}为空，不是0）
          </label>
        </div>
      ))}
    </section>
  );
}

export function MoneySums(props: { preview: ProjectImportPreview }) {
  if (props.preview.sums.length === 0) return null;
  return (
    <section>
      <h3>金额合计</h3>
      <table className="mapping" data-testid="import-sums">
        <thead>
          <tr>
            <th>列</th>
            <th>项目</th>
            <th>按单位读取</th>
            <th>各项目之和（万元）</th>
            <th>各项目之和（亿元）</th>
            <th>表中合计行</th>
          </tr>
        </thead>
        <tbody>
          {props.preview.sums.map((s) => (
            <tr key={s.target}>
              <td>{s.letter}</td>
              <td>
                {s.label}（{s.rows}个项目有数）
              </td>
              <td>{s.unit}</td>
              <td>{formatMoneyCell(s.sum, '万元')}</td>
              <td>{formatMoneyCell(s.sum, '亿元')}</td>
              <td>
                {s.sheetTotal === null ? (
                  '（表中没有合计行）'
                ) : (
                  <span className={s.sheetTotalAgrees ? '' : 'warning-text'}>
                    {s.sheetTotalCell}：{formatMoneyCell(s.sheetTotal, '万元')}万元（{s.sheetTotalAgrees ? '一致' : '不一致'}）
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The first rows, field by field, as they will be stored. */
export function SampleRows(props: { preview: ProjectImportPreview }) {
  const { sample } = props.preview;
  if (sample.length === 0) return null;
  const labels = [...new Set(sample.flatMap((r) => r.values.map((v) => v.label)))];
  return (
    <section>
      <h3>前{sample.length}个项目将存为</h3>
      <PreviewRows rows={sample} shown={sample.length} testId="import-sample" columns={labels.map((l) => ({ title: l, cell: (r: (typeof sample)[number]) => r.values.find((v) => v.label === l)?.text ?? '' }))} />
    </section>
  );
}

/** Section and group rows (not imported as projects), and how other words were read. */
export function HeadingsAndNotes(props: { preview: ProjectImportPreview }) {
  const { headings, notes } = props.preview;
  if (headings.length === 0 && notes.length === 0) return null;
  return (
    <section>
      {notes.length > 0 && (
        <ul data-testid="import-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {headings.length > 0 && (
        <details>
          <summary>分类行、分组行 {headings.length} 个（不作为项目导入）</summary>
          <ul data-testid="import-headings">
            {headings.map((h) => (
              <li key={h.row} style={{ marginLeft: `${(h.depth - 1) * 1.5}em` }}>
                第{h.row}行“{h.text}”：其下{h.projects}个项目{h.declared !== null && h.declared !== h.projects ? `（写明${h.declared}个）` : ''}
                {h.sets ? `，${h.sets}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
