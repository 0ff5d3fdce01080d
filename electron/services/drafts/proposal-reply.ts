/**
 * 提案（建议）答复 (DOCUMENTS.md, REAL-DOCUMENTS.md "Replies", seed 004) of every kind: 政协提案 or
 * 人大建议, 答复 or 答复函, from the 主办 unit or a 协办 one, to one member or "×××等N名代表". The
 * header has the 办复类别 in the office's scheme (设置) and the 签发人; then title, salutation, the
 * standard opening, 一、工作开展情况 with the province/city list, the province-level subset and the
 * problems raised and solved, 二、下步工作举措 as placeholders, thanks, signature and date; under
 * the date the 附注 with the contact details (left out of the public version), and the 抄送 line.
 * The 信函格式 (the office's name in red at the top, red double lines, no page number on page one)
 * is an option of the .docx.
 */
import type { Block, Draft, Run } from '../../../shared/drafts';
import { placeholder } from '../../../shared/drafts';
import { replyKind, type ReplyKind } from '../../../shared/drafts-reply';
import { problemCounts } from '../../db/progress';
import { statistics } from '../statistics';
import { problemFields, type Scope } from './figures';
import { draftDate, fill, flush, heading, newBook, para, param, paramText, t, templated, type DraftInput } from './parts';
import { otherWorkRuns } from './lifecycle-parts';

export function proposalReply(input: DraftInput): Draft {
  const { db, year, month } = input;
  const book = newBook(input);
  const kind = replyKind(input.params);
  const problemsOfDraft: string[] = [];
  const title = paramText(input, 'title', replyTitle(input, kind));

  const provinceCity: Scope = { label: '省、市', filter: { levels: ['province', 'city'] }, dimension: 'all', key: '' };
  const province: Scope = { label: '省', filter: { levels: ['province'] }, dimension: 'level', key: 'province' };
  const pc = statistics(db, year, month, provinceCity.filter);
  const pv = statistics(db, year, month, province.filter);
  const problems = problemCounts(db, year, month);
  const you = kind.proposers ? '你们' : '您';

  const header: Block[] = [];
  // A 协办 unit's opinion goes to the 主办 unit, which gives the category; the 主办 reply carries it.
  if (!kind.assisting) {
    const code = input.params.answerCategory?.trim() ?? '';
    const known = input.replyCategories.find((c) => c.code === code || c.code.toUpperCase() === code.toUpperCase());
    if (code && !known) problemsOfDraft.push(`办复类别“${code}”不在本单位的分类中（${input.replyCategories.map((c) => c.code).join('、')}），请在“设置 > 办复类别”中查看`);
    header.push(flush(t('办复类别：'), known ? t(known.code) : placeholder('办复类别')));
  } else header.push(flush(t('协办答复')));
  if (!kind.public) header.push({ kind: 'signer', runs: [param(input, 'signer', '签发人')] });

  const opening: Run[] = [
    t(`${you}提出的`),
    input.params.proposalTitle?.trim() ? t(`《${input.params.proposalTitle.trim()}》`) : placeholder(`${kind.noun}题目`),
    t('收悉。'),
    ...(kind.assisting
      ? [t('我单位作为协办单位，经认真研究，现将有关情况答复如下：')]
      : input.params.consulted?.trim()
        ? [t(`经认真研究并商${input.params.consulted.trim()}，现答复如下：`)]
        : [t('经认真研究，现答复如下：')]),
  ];

  const blocks: Block[] = [
    ...header,
    { kind: 'title', text: title },
    { kind: 'addressee', text: salutation(input, kind) },
    para(...opening),
    heading(1, '一、工作开展情况'),
    para(...templated(input, 'reply.overall', book, provinceCity, pc.overall, null)),
    ...(pv.overall.projects > 0 ? [para(...templated(input, 'reply.province', book, province, pv.overall, null))] : []),
    // No "0个项目需解决问题0个": without problems the sentence is left out.
    ...problemParagraph(input, book, problems, provinceCity),
    heading(1, '二、下步工作举措'),
    heading(2, '（一）【请补充：举措一】'),
    para(placeholder('具体措施')),
    heading(2, '（二）【请补充：举措二】'),
    para(placeholder('具体措施')),
    para(t(`感谢${you}对${paramText(input, 'closingTopic', '全市重点项目建设工作')}的关心和支持。`)),
    { kind: 'signature', office: paramText(input, 'office', '【请补充：署名机关】'), date: draftDate(input) },
    // 附注 (GB/T 9704 7.3.7): under the date, two characters in, in parentheses.
    ...(kind.public ? [] : [para(t('（'), ...contactRuns(input), t('）'))]),
    ...copyTo(input, draftDate(input)),
  ];
  return {
    kind: 'proposal-reply',
    name: kind.public ? `${title}（公开版）` : title,
    blocks,
    figures: book.figures,
    charts: [],
    problems: problemsOfDraft,
    ...(kind.letter ? { letterhead: paramText(input, 'letterhead', paramText(input, 'office', '【请补充：发文机关标志】')) } : {}),
  };
}

/** "关于市政协十四届三次会议第143277号提案的答复（函）", a 协办 one "…的协办答复（函）". */
function replyTitle(input: DraftInput, kind: ReplyKind): string {
  const session = input.params.session?.trim() || '【请补充：会议】';
  const number = input.params.proposalNumber?.trim() || '【请补充：编号】';
  return `关于${session}第${number}号${kind.noun}的${kind.assisting ? '协办' : ''}${kind.form}`;
}

/** "王媛委员：", "王媛代表：", "王媛等5名代表：". */
function salutation(input: DraftInput, kind: ReplyKind): string {
  const name = input.params.addressee?.trim() || `【请补充：${kind.suggestion ? '领衔代表' : '提案人'}】`;
  // An organisation (民盟威海市委员会, 市工商联…) is addressed by its name alone.
  if (/(委员会|市委|支部|工商联|界别|小组|联合会)$/.test(name)) return `${name}：`;
  return kind.proposers ? `${name}等${kind.proposers}名${kind.member}：` : `${name}${kind.member}：`;
}

function problemParagraph(input: DraftInput, book: ReturnType<typeof newBook>, problems: ReturnType<typeof problemCounts>, scope: Scope): Block[] {
  const other = otherWorkRuns(input, book, scope);
  const runs = [...(problems.total > 0 ? fill(input, 'reply.problems', problemFields(book, problems)) : []), ...other];
  return runs.length ? [para(...runs)] : [];
}

/** "联系单位：…，联系人：…，联系电话：…" (the unit only when given). */
function contactRuns(input: DraftInput): Run[] {
  const unit = input.params.contactUnit?.trim();
  return [...(unit ? [t(`联系单位：${unit}，`)] : []), t('联系人：'), param(input, 'contact', '联系人'), t('，联系电话：'), param(input, 'phone', '联系电话')];
}

/** 抄送 in the 版记 (the bulletin's, GB/T 9704 7.4): the offices the reply is copied to, as given. */
function copyTo(input: DraftInput, date: string): Block[] {
  const list = input.params.copyTo?.trim().replace(/^抄送[:：]?/, '').replace(/[。.；;，,、\s]+$/, '');
  return list ? [{ kind: 'colophon', copyTo: list, printer: null, printDate: date }] : [];
}
