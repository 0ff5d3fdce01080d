/** Small modal dialogs: a form with 取消/确定, confirm, ask for a line of text, show a list of messages. */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Modal(props: { title: string; children: ReactNode; onClose: () => void; actions: ReactNode; testId?: string; wide?: boolean }) {
  const { onClose } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" role="presentation">
      <div className={`modal${props.wide ? ' modal-wide' : ''}`} role="dialog" aria-modal="true" aria-label={props.title} data-testid={props.testId}>
        <h2>{props.title}</h2>
        <div className="modal-body">{props.children}</div>
        <div className="modal-actions">{props.actions}</div>
      </div>
    </div>
  );
}

/**
 * A dialog that asks for something: 取消 and one primary button, and the reason a submission was
 * refused under the form (the form keeps what the user typed).
 */
export function FormDialog(props: {
  title: string;
  okLabel: string;
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
  okDisabled?: boolean;
  danger?: boolean;
  error?: string | null;
  testId?: string;
  wide?: boolean;
}) {
  return (
    <Modal
      title={props.title}
      onClose={props.onCancel}
      {...(props.testId ? { testId: props.testId } : {})}
      {...(props.wide ? { wide: true } : {})}
      actions={
        <>
          <button onClick={props.onCancel}>取消</button>
          <button className={props.danger ? 'primary danger' : 'primary'} autoFocus={props.danger} disabled={props.okDisabled} onClick={props.onOk}>
            {props.okLabel}
          </button>
        </>
      }
    >
      {props.children}
      {props.error && <p className="error-text">{props.error}</p>}
    </Modal>
  );
}

export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <FormDialog title={props.title} okLabel={props.confirmLabel} danger onOk={props.onConfirm} onCancel={props.onCancel} testId="confirm-dialog">
      <p>{props.message}</p>
    </FormDialog>
  );
}

export function PromptDialog(props: { title: string; label: string; initial?: string; onSubmit: (value: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(props.initial ?? '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <FormDialog title={props.title} okLabel="确定" okDisabled={!value.trim()} onOk={() => props.onSubmit(value)} onCancel={props.onCancel} testId="prompt-dialog">
      <label className="field">
        {props.label}
        <input
          ref={input}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && value.trim()) props.onSubmit(value);
          }}
        />
      </label>
    </FormDialog>
  );
}

export function MessageListDialog(props: { title: string; intro: string; messages: string[]; onClose: () => void }) {
  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      testId="message-dialog"
      actions={
        <button className="primary" autoFocus onClick={props.onClose}>
          知道了
        </button>
      }
    >
      <p>{props.intro}</p>
      <ul className="message-list">
        {props.messages.map((m, i) => (
          <li key={i}>{m}</li>
        ))}
      </ul>
    </Modal>
  );
}

/**
 * A long operation under way (reading a large workbook): a moving bar, and 取消, which stops
 * waiting and discards the result (the reading itself ends by its own limits, and writes nothing).
 */
export function BusyDialog(props: { message: string; onCancel: () => void }) {
  return (
    <Modal title="请稍候" onClose={props.onCancel} testId="busy-dialog" actions={<button onClick={props.onCancel}>取消</button>}>
      <p>{props.message}</p>
      <div className="progress-bar" role="progressbar" aria-label={props.message}>
        <div />
      </div>
    </Modal>
  );
}

/**
 * A step before a file chooser: a file chooser may only be opened by a click in the page, so menu
 * commands lead here, and 选择文件… opens it.
 */
export function ChooseFileDialog(props: { title: string; children: ReactNode; onChoose: () => void; onCancel: () => void; testId?: string }) {
  return (
    <FormDialog title={props.title} okLabel="选择文件…" onOk={props.onChoose} onCancel={props.onCancel} {...(props.testId ? { testId: props.testId } : {})}>
      {props.children}
    </FormDialog>
  );
}
