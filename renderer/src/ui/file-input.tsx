/**
 * The hidden file chooser behind an 导入… button. It is cleared after each choice so that choosing
 * the same workbook again (after fixing it in Excel) reads it again.
 */
import type { RefObject } from 'react';
import { IMPORT_FILE_ACCEPT } from '../../../shared/import-formats';

export function HiddenFileInput(props: { inputRef: RefObject<HTMLInputElement | null>; testId: string; multiple?: boolean; onFiles: (files: File[]) => void }) {
  return (
    <input
      ref={props.inputRef}
      type="file"
      accept={IMPORT_FILE_ACCEPT}
      multiple={props.multiple}
      hidden
      data-testid={props.testId}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (files.length) props.onFiles(files);
      }}
    />
  );
}
