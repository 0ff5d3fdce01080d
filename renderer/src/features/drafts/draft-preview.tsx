/**
 * A draft's blocks as HTML, laid out like the printed page (A4 text block, 仿宋 body, 小标宋
 * title, indents in characters). Figures are marked and clickable; placeholders stand out.
 * Charts are drawn by the same option builders as the .docx, as SVG.
 */
import { useMemo } from 'react';
import type { Block, Draft, Run } from '../../../../shared/drafts';
import { chartSvg } from '../../../../shared/chart-svg';

function Runs(props: { runs: Run[]; selected: string | null; onFigure: (id: string) => void }) {
  return (
    <>
      {props.runs.map((r, i) =>
        r.figure ? (
          <span
            key={i}
            className={`figure${props.selected === r.figure ? ' selected' : ''}`}
            role="button"
            tabIndex={0}
            data-figure={r.figure}
            onClick={() => props.onFigure(r.figure!)}
            onKeyDown={(e) => e.key === 'Enter' && props.onFigure(r.figure!)}
          >
            {r.text}
          </span>
        ) : r.placeholder ? (
          <mark key={i} className="placeholder">
            {r.text}
          </mark>
        ) : (
          <span key={i} className={r.bold ? 'bold' : undefined}>
            {r.text}
          </span>
        ),
      )}
    </>
  );
}

function BlockView(props: { block: Block; draft: Draft; selected: string | null; onFigure: (id: string) => void; svg: Map<string, string> }) {
  const { block } = props;
  const runs = (items: Run[]) => <Runs runs={items} selected={props.selected} onFigure={props.onFigure} />;
  switch (block.kind) {
    case 'title':
      return <h1 className="d-title">{block.text}</h1>;
    case 'subtitle':
      return <p className="d-subtitle">{block.text}</p>;
    case 'mark':
      return <p className="d-mark">{block.text}</p>;
    case 'addressee':
      return <p className="d-addressee">{block.text}</p>;
    case 'heading':
      return <p className={`d-h${block.level}`}>{runs(block.runs)}</p>;
    case 'paragraph':
      return <p className={block.noIndent ? 'd-flush' : 'd-p'}>{runs(block.runs)}</p>;
    case 'table':
      return (
        <figure className="d-table">
          {block.caption && <figcaption>{block.caption}</figcaption>}
          <table>
            <colgroup>
              {block.columns.map((c, i) => (
                <col key={i} style={{ width: `${c.width}mm` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {block.columns.map((c, i) => (
                  <th key={i}>{c.title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={{ textAlign: block.columns[c]?.align ?? 'left' }}>
                      {runs(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {block.note && <p className="d-note">{block.note}</p>}
        </figure>
      );
    case 'chart':
      // The SVG comes from our own option builders (text escaped by ECharts' SVG renderer).
      return (
        <figure className="d-chart">
          <div dangerouslySetInnerHTML={{ __html: props.svg.get(block.chart) ?? '' }} />
          <figcaption>{block.caption}</figcaption>
        </figure>
      );
    case 'attachments':
      return (
        <div className="d-attachments">
          {block.items.map((item, i) => (
            <p key={i} className={i === 0 ? 'd-p' : 'd-attachment-more'}>
              {i === 0 ? '附件：' : ''}
              {block.items.length > 1 ? `${i + 1}.` : ''}
              {item}
            </p>
          ))}
        </div>
      );
    case 'signature':
      return (
        <div className="d-signature">
          <p>{block.office}</p>
          <p>{block.date}</p>
        </div>
      );
    case 'signer':
      return (
        <p className="d-signer">
          签发人：<span className="d-kai">{runs(block.runs)}</span>
        </p>
      );
    case 'pageBreak':
      return <div className="d-page-break" />;
    case 'documentNumber':
      return <p className="d-subtitle">{block.text}</p>;
    case 'colophon':
      return (
        <div className="d-colophon">
          {block.copyTo && <p>抄送：{block.copyTo}。</p>}
          {block.printer && (
            <p>
              <span>{block.printer}</span>
              <span style={{ float: 'right' }}>{block.printDate}印发</span>
            </p>
          )}
        </div>
      );
    case 'attachment':
      return (
        <div className="d-attachment">
          <p className="d-attachment-no">附件{block.number}</p>
          <h1 className="d-title">{block.title}</h1>
        </div>
      );
  }
}

export function DraftPreview(props: { draft: Draft; selected: string | null; onFigure: (id: string) => void }) {
  const svg = useMemo(() => new Map(props.draft.charts.map((c) => [c.id, chartSvg(c)])), [props.draft]);
  return (
    <article className="draft-page" data-testid="draft-preview" lang="zh-CN">
      {props.draft.letterhead && (
        <header className="d-letterhead" data-testid="letterhead">
          {props.draft.letterhead}
        </header>
      )}
      {props.draft.blocks.map((b, i) => (
        <BlockView key={i} block={b} draft={props.draft} selected={props.selected} onFigure={props.onFigure} svg={svg} />
      ))}
    </article>
  );
}
