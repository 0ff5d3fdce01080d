/**
 * The office's wording of the drafts (模板) and the fonts of the official layout. A template is
 * checked when saved: an unknown field is refused with the list of fields it may use.
 */
import { useEffect, useState } from 'react';
import type { TemplateState } from '../../../../shared/api';
import { FIELD_LABELS, FONT_KEYS, FONT_LABELS, type DraftFonts } from '../../../../shared/drafts';
import { call, messageOf } from '../../api';
import { Modal } from '../../ui/dialogs';

export function TemplateEditor(props: { readOnly: boolean; onClose: () => void; onChanged: () => void }) {
  const [templates, setTemplates] = useState<TemplateState[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [fonts, setFonts] = useState<DraftFonts | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');

  const take = (list: TemplateState[]) => {
    setTemplates(list);
    setTexts(Object.fromEntries(list.map((t) => [t.key, t.text])));
  };
  useEffect(() => {
    call('drafts.templates', {}).then(take, (err) => setStatus(messageOf(err)));
    call('drafts.fonts', {}).then(setFonts, (err) => setStatus(messageOf(err)));
  }, []);

  const save = async (key: string) => {
    try {
      take(await call('drafts.setTemplate', { key, text: texts[key] ?? '' }));
      setErrors((e) => ({ ...e, [key]: '' }));
      setStatus('模板已保存');
      props.onChanged();
    } catch (err) {
      setErrors((e) => ({ ...e, [key]: messageOf(err) }));
    }
  };
  const reset = async (key?: string) => {
    try {
      take(await call('drafts.resetTemplates', key ? { key } : {}));
      setErrors({});
      setStatus(key ? '已恢复默认模板' : '全部模板已恢复默认');
      props.onChanged();
    } catch (err) {
      setStatus(messageOf(err));
    }
  };
  const saveFonts = async () => {
    if (!fonts) return;
    try {
      setFonts(await call('drafts.setFonts', fonts));
      setStatus('字体已保存');
    } catch (err) {
      setStatus(messageOf(err));
    }
  };

  return (
    <Modal
      title="文稿模板和字体"
      onClose={props.onClose}
      testId="template-editor"
      wide
      actions={
        <>
          <span className="muted" role="status">
            {status}
          </span>
          <button disabled={props.readOnly} onClick={() => void reset()}>
            全部恢复默认
          </button>
          <button onClick={props.onClose}>关闭</button>
        </>
      }
    >
      <p className="muted">数字以{'{字段}'}写入句子，字段名见每个模板下方；生成文稿时由统计结果填入。</p>
      {templates.map((t) => (
        <fieldset key={t.key} className="template" data-template={t.key}>
          <legend>
            {t.label}
            {t.changed ? '（已修改）' : ''}
          </legend>
          <textarea rows={4} value={texts[t.key] ?? ''} aria-label={t.label} disabled={props.readOnly} onChange={(e) => setTexts((x) => ({ ...x, [t.key]: e.target.value }))} />
          {errors[t.key] && (
            <p className="error-text" role="alert">
              {errors[t.key]}
            </p>
          )}
          <p className="fields">
            可用字段：
            {t.fields.map((f) => (
              <button
                key={f}
                className="link"
                disabled={props.readOnly}
                title={FIELD_LABELS[f] ?? f}
                onClick={() => setTexts((x) => ({ ...x, [t.key]: `${x[t.key] ?? ''}{${f}}` }))}
              >
                {`{${f}}`}
              </button>
            ))}
          </p>
          <div className="template-actions">
            <button disabled={props.readOnly || texts[t.key] === t.text} onClick={() => void save(t.key)}>
              保存
            </button>
            <button disabled={props.readOnly || !t.changed} onClick={() => void reset(t.key)}>
              恢复默认
            </button>
          </div>
        </fieldset>
      ))}
      {fonts && (
        <fieldset className="template">
          <legend>字体（本机没有的字体，Word 会用相近的字体代替）</legend>
          {FONT_KEYS.map((k) => (
            <label key={k} className="font-field">
              {FONT_LABELS[k]}
              <input value={fonts[k]} disabled={props.readOnly} onChange={(e) => setFonts({ ...fonts, [k]: e.target.value })} />
            </label>
          ))}
          <button disabled={props.readOnly} onClick={() => void saveFonts()}>
            保存字体
          </button>
        </fieldset>
      )}
    </Modal>
  );
}
