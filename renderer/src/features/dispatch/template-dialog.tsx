/**
 * 生成填报模板…: pick a district (or all of them) and see what will be made before it is: one
 * workbook per district with its projects on the year's list, the identity columns locked, for the
 * month shown. In Electron each file is saved where the user chooses; in the browser it downloads.
 */
import { useEffect, useMemo, useState } from 'react';
import type { DispatchRow } from '../../../../shared/dispatch';
import { call, messageOf } from '../../api';
import { Modal } from '../../ui/dialogs';
import { deliverFile } from '../../ui/download';

const ALL = '';

/** Districts of the year's list with their project counts, in the order they first appear. */
function districtsOf(rows: readonly DispatchRow[]): { name: string; projects: number }[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.district) counts.set(r.district, (counts.get(r.district) ?? 0) + 1);
  return [...counts].map(([name, projects]) => ({ name, projects }));
}

export function TemplateDialog(props: { year: number; month: number; rows: readonly DispatchRow[]; onClose: () => void; onDone: (text: string) => void }) {
  const { year, month } = props;
  const districts = useMemo(() => districtsOf(props.rows), [props.rows]);
  const withoutDistrict = props.rows.filter((r) => !r.district).length;
  const [choice, setChoice] = useState(ALL);
  const [nativeDialogs, setNativeDialogs] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app.info', {}).then((info) => setNativeDialogs(info.nativeDialogs), () => undefined);
  }, []);

  const chosen = choice === ALL ? districts : districts.filter((d) => d.name === choice);
  const projects = chosen.reduce((n, d) => n + d.projects, 0);

  const generate = async () => {
    setError(null);
    const made: string[] = [];
    for (const [i, d] of chosen.entries()) {
      setProgress(`正在生成${chosen.length > 1 ? `（${i + 1}/${chosen.length}）` : ''}：${d.name}…`);
      try {
        const told = await deliverFile(call('export.districtTemplate', { year, month, district: d.name }));
        if (told === null) break; // the user cancelled a save dialog: stop there
        made.push(told);
      } catch (err) {
        setError(`${d.name}：${messageOf(err)}`);
        setProgress(null);
        return;
      }
    }
    setProgress(null);
    if (made.length === 0) return props.onClose();
    props.onDone(made.length === 1 ? `已生成${year}年${month}月填报模板：${made[0]!.replace(/^已(保存到|生成)/, '')}` : `已生成${year}年${month}月填报模板${made.length}个${made.length < chosen.length ? `（其余${chosen.length - made.length}个已取消）` : ''}`);
  };

  return (
    <Modal
      title={`生成${year}年${month}月填报模板`}
      onClose={props.onClose}
      testId="template-dialog"
      actions={
        <>
          <button onClick={props.onClose}>取消</button>
          <button className="primary" disabled={progress !== null || chosen.length === 0} onClick={() => void generate()}>
            生成
          </button>
        </>
      }
    >
      {districts.length === 0 ? (
        <p>{year}年清单中还没有填了所在区市的项目，无法生成填报模板。</p>
      ) : (
        <>
          <label className="field">
            区市
            <select aria-label="填报模板区市" value={choice} disabled={progress !== null} onChange={(e) => setChoice(e.target.value)}>
              <option value={ALL}>全部区市（{districts.length}个文件）</option>
              {districts.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}（{d.projects}个项目）
                </option>
              ))}
            </select>
          </label>
          <p data-testid="template-plan">
            将生成{chosen.length}个文件（每个区市一个），共{projects}个项目：{chosen.map((d) => d.name).join('、')}。
            每个文件列出该区市{year}年清单中的项目和上月累计完成投资，项目编号、名称等灰色列已锁定；区市填写1-{month}月完成投资、开复工、纳统、形象进度和存在问题，交回后用“导入调度表…”导入。
            {nativeDialogs ? '每个文件都会询问保存位置。' : '文件将下载到浏览器的下载文件夹。'}
          </p>
          {withoutDistrict > 0 && <p className="warning-text">另有{withoutDistrict}个项目没有填所在区市，不在任何模板中。</p>}
        </>
      )}
      {progress && <p role="status">{progress}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
