/**
 * 导入调度表… on 月调度: the districts' dispatch sheets (or returned 填报模板) for the year and month
 * shown, several files at once, previewed in the same dialog as from 项目库 and written all
 * together or not at all. A closed month (关账) cannot be imported into: the button says why.
 */
import { useRef, useState } from 'react';
import type { ResultOf } from '../../../../shared/api';
import type { ImportResult } from '../../../../shared/import';
import { call } from '../../api';
import { BusyDialog } from '../../ui/dialogs';
import { ProgressImportDialog } from '../import/progress-import-dialog';
import { readFileAsBase64 } from '../import/import-dialog';
import { HiddenFileInput } from '../../ui/file-input';

type Previewed = ResultOf<'import.progress.preview'> & { year: number; month: number };

/** Why the button is disabled, or null when it is not. */
export function importBlockedReason(p: { readOnly: boolean; closed: boolean; month: number }): string | null {
  if (p.readOnly) return '项目库以只读方式打开，不能导入';
  if (p.closed) return `${p.month}月已关账，不能导入调度表；如需导入，请先重新开账`;
  return null;
}

export function DispatchImport(props: {
  year: number;
  month: number;
  closed: boolean;
  readOnly: boolean;
  onImported: (text: string) => void;
  onError: (err: unknown) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const readSeq = useRef(0);
  const [reading, setReading] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const blocked = importBlockedReason(props);

  const read = async (files: File[]) => {
    // The period is the one shown when the files were picked, whatever the picker shows meanwhile.
    const { year, month } = props;
    const seq = ++readSeq.current;
    setReading(`正在读取${files.length}个文件…`);
    try {
      const data = await Promise.all(files.map(async (f) => ({ fileName: f.name, data: await readFileAsBase64(f) })));
      const result = await call('import.progress.preview', { files: data, year, month });
      if (seq !== readSeq.current) return;
      setPreviewed({ ...result, year, month });
    } catch (err) {
      if (seq === readSeq.current) props.onError(err);
    } finally {
      if (seq === readSeq.current) setReading(null);
    }
  };

  const done = (r: ImportResult, p: Previewed) => {
    setPreviewed(null);
    props.onImported(`已导入${p.year}年${p.month}月调度（${p.previews.length}个文件）：新报送${r.added}个，更新${r.updated}个，无变化${r.unchanged}个`);
  };

  return (
    <>
      <button disabled={blocked !== null} title={blocked ?? `导入${props.year}年${props.month}月的调度表或各区市交回的填报模板（可多选）`} onClick={() => input.current?.click()}>
        导入调度表…
      </button>
      <HiddenFileInput inputRef={input} testId="dispatch-import-files" multiple onFiles={(files) => void read(files)} />
      {reading && <BusyDialog message={reading} onCancel={() => (readSeq.current++, setReading(null))} />}
      {previewed && (
        <ProgressImportDialog
          token={previewed.token}
          year={previewed.year}
          month={previewed.month}
          previews={previewed.previews}
          onClose={() => setPreviewed(null)}
          onImported={(r) => done(r, previewed)}
        />
      )}
    </>
  );
}
