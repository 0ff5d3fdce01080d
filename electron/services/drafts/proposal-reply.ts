/**
 * 提案（建议）答复 (DOCUMENTS.md, seed 004): header marks, title, addressee, the standard opening,
 * 一、工作开展情况 with the province/city list, the province-level subset and the problems raised
 * and solved, 二、下步工作举措 as placeholders, closing, signature, date and contact.
 */
import type { Block, Draft } from '../../../shared/drafts';
import { ANSWER_CATEGORIES, placeholder } from '../../../shared/drafts';
import { problemCounts } from '../../db/progress';
import { statistics } from '../statistics';
import { problemFields, type Scope } from './figures';
import { draftDate, fill, flush, heading, newBook, para, param, paramText, t, templated, type DraftInput } from './parts';
import { otherWorkRuns } from './lifecycle-parts';

export function proposalReply(input: DraftInput): Draft {
  const { db, year, month } = input;
  const book = newBook(input);
  const isSuggestion = input.params.proposalKind === '人大建议';
  const noun = isSuggestion ? '建议' : '提案';
  const category = (input.params.answerCategory ?? '').trim().toUpperCase();
  const session = input.params.session?.trim();
  const number = input.params.proposalNumber?.trim();
  const title = paramText(input, 'title', `关于${session || '【请补充：会议】'}第${number || '【请补充：编号】'}号${noun}的答复`);

  const provinceCity: Scope = { label: '省、市', filter: { levels: ['province', 'city'] }, dimension: 'all', key: '' };
  const province: Scope = { label: '省', filter: { levels: ['province'] }, dimension: 'level', key: 'province' };
  const pc = statistics(db, year, month, provinceCity.filter);
  const pv = statistics(db, year, month, province.filter);
  const problems = problemCounts(db, year, month);
  const problemFigures = problemFields(book, problems);

  const blocks: Block[] = [
    { kind: 'mark', text: `${category && ANSWER_CATEGORIES[category] ? `${category}类（${ANSWER_CATEGORIES[category]}）` : '【请补充：答复类别】'}` },
    { kind: 'mark', text: `签发人：${input.params.signer?.trim() || '【请补充：签发人】'}` },
    { kind: 'title', text: title },
    { kind: 'addressee', text: `${input.params.addressee?.trim() || '【请补充：提案人】'}${isSuggestion ? '代表' : '委员'}：` },
    para(t('您提出的'), input.params.proposalTitle?.trim() ? t(`《${input.params.proposalTitle.trim()}》`) : placeholder(`${noun}题目`), t('收悉。经认真研究，现答复如下：')),
    heading(1, '一、工作开展情况'),
    para(...templated(input, 'reply.overall', book, provinceCity, pc.overall, null)),
    para(...templated(input, 'reply.province', book, province, pv.overall, null)),
    para(...fill(input, 'reply.problems', problemFigures), ...otherWorkRuns(input, book, provinceCity)),
    heading(1, '二、下步工作举措'),
    heading(2, '（一）【请补充：举措一】'),
    para(placeholder('具体措施')),
    heading(2, '（二）【请补充：举措二】'),
    para(placeholder('具体措施')),
    para(t(`感谢您对${paramText(input, 'closingTopic', '全市重点项目建设工作')}的关心和支持。`)),
    { kind: 'signature', office: paramText(input, 'office', '【请补充：署名机关】'), date: draftDate(input) },
    flush(t('（联系人：'), param(input, 'contact', '联系人'), t('，联系电话：'), param(input, 'phone', '联系电话'), t('）')),
  ];
  return { kind: 'proposal-reply', name: title, blocks, figures: book.figures, charts: [], problems: [] };
}
