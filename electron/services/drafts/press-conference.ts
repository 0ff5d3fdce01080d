/**
 * 新闻发布会材料 (DOCUMENTS.md, seed 000): the host's words, the main release with the year's
 * numbers and its focuses, and one Q&A section per category's lead department.
 */
import type { Block, Draft, Run } from '../../../shared/drafts';
import { placeholder } from '../../../shared/drafts';
import { DEFAULT_SIZE_BUCKETS, type KeyedSummary, type Statistics } from '../../../shared/statistics';
import { count, moneyText, percent } from '../../../shared/phrases';
import { readLists } from '../../db/lists';
import { statistics } from '../statistics';
import { countChange, type FigureBook, type Scope } from './figures';
import { begin, chineseNumber, previousYear, flush, heading, para, param, paramText, speakers, t, templated, type DraftInput } from './parts';

export function pressConference(input: DraftInput): Draft {
  const { db, year, month } = input;
  const { st, book, all } = begin(input);
  const previous = previousYear(input);
  const people = speakers(input);
  const lists = readLists(db);
  const blocks: Block[] = [{ kind: 'title', text: paramText(input, 'title', `${year}年重点项目建设新闻发布会材料`) }];

  // 一、主持词: the host names each speaker by full title, then calls on him by his short one ("张宗浩主任").
  const named = people.length ? people.map((p) => `${p.title}${p.name}同志`).join('，') : null;
  const main = people[0] ? t(`${people[0].name}${people[0].address}`) : placeholder('主发布人（姓名和称呼，如张宗浩主任）');
  blocks.push(
    heading(1, '一、主持词'),
    flush(t('主持人：'), input.params.host?.trim() ? t(input.params.host.trim()) : placeholder('主持人')),
    flush(t('新闻界的各位朋友：')),
    para(t('大家上午好！')),
    para(t('欢迎参加'), param(input, 'organizer', '主办单位，如市政府新闻办'), t('新闻发布会。')),
    para(t('今天，我们邀请'), named ? t(named) : placeholder('发布人的职务和姓名'), t(`，向大家介绍${year}年重点项目建设有关情况，并回答记者提问。`)),
    para(t('参加本次新闻发布会的媒体有：'), param(input, 'media', '参会媒体'), t('。')),
    para(t('首先，请'), main, t(`介绍${year}年省市县三级重点项目有关情况。`)),
  );

  // 二、发布词
  blocks.push(
    heading(1, '二、发布词'),
    flush(t('各位新闻界的朋友们：')),
    para(t('大家好！'), placeholder('开场语')),
    para(...templated(input, 'press.overall', book, all, st.overall, st.previous)),
  );
  const focuses = focusTags(input, st);
  if (focuses.length) {
    blocks.push(para(t(`在重点项目安排上，主要基于以下${focuses.length === 2 ? '两' : chineseNumber(focuses.length)}个方面考虑：`)));
    focuses.forEach((g, i) => {
      const scope: Scope = { label: g.key, filter: { tags: [g.key] }, dimension: 'all', key: '' };
      blocks.push(
        para(
          t(`${chineseNumber(i + 1)}是聚焦${g.key}。`),
          t(g.key.endsWith('项目') ? g.key : `${g.key}项目`),
          book.figure(scope, 'projects', count(g.projects, input.style)),
          t('，总投资'),
          book.figure(scope, 'totalInvestment', moneyText(g.totalInvestment, input.style)),
          t('，年度计划投资'),
          book.figure(scope, 'annualPlan', moneyText(g.annualPlan, input.style)),
          t('。'),
          placeholder('主要考虑和代表项目'),
        ),
      );
    });
  }
  blocks.push(para(...sizeSentence(book, all, st, previous, '从投资规模看，')));
  const provinceCity = statistics(db, year, month, { levels: ['province', 'city'] });
  const used = st.byCategory.filter((c) => c.projects > 0);
  const departments = [...new Set(used.map((c) => lists.categories.find((x) => x.name === c.key)?.leadDepartment).filter(Boolean))];
  const pc: Scope = { label: '省市重点项目', filter: { levels: ['province', 'city'] }, dimension: 'all', key: '' };
  const county: Scope = { label: '县级重点项目', filter: { levels: ['county'] }, dimension: 'all', key: '' };
  blocks.push(
    para(t('在重点项目推进上，由市重点项目建设指挥部统筹推进，对重点项目开工、进度、纳统、投产等实行月调度、月通报。')),
    para(
      ...templated(input, 'press.management', book, all, st.overall, st.previous, {
        leaders: [book.figure(pc, 'leaders', `${provinceCity.byContactLeader.filter((l) => l.projects > 0).length}`, 'leaders')],
        provinceCityProjects: [book.figure(pc, 'projects', `${st.provinceCity.projects}`)],
        countyProjects: [book.figure(county, 'projects', `${st.byLevel.find((l) => l.key === 'county')?.projects ?? 0}`)],
        categoryCount: [t(`${used.length}`)],
        categoryList: [t(used.map((c) => c.key).join('、'))],
        departmentList: [t(departments.join('、'))],
      }),
    ),
    para(t('下一步，'), placeholder('下步工作安排')),
    para(t('谢谢大家！')),
    flush(t('主持人：')),
    para(t('感谢'), main, t('的发布。下面，回答记者提问。提问前请举手示意，通报所在新闻单位名称。')),
  );

  // 三、答记者问: one section per category, answered by its lead department's speaker.
  blocks.push(heading(1, '三、答记者问'));
  used.forEach((c, i) => {
    const department = lists.categories.find((x) => x.name === c.key)?.leadDepartment ?? '';
    const speaker = people.find((p) => p.department && (department.includes(p.department) || p.department.includes(department)));
    const scope: Scope = { label: c.key, filter: { categories: [c.key] }, dimension: 'category', key: c.key };
    const mine = statistics(db, year, month, { categories: [c.key] });
    const before = previous ? statistics(db, year - 1, month, { categories: [c.key] }) : null;
    blocks.push(
      heading(2, `（${chineseNumber(i + 1)}）${c.key}${department ? `（${department}）` : ''}`),
      flush(t('记者：'), placeholder(`关于${c.key}重点项目的提问`)),
      flush(...(speaker ? [t(`${speaker.name}：`)] : [placeholder(`${department}发言人`), t('：')])),
      para(
        ...templated(input, 'press.category', book, scope, c, before && before.overall.projects > 0 ? before.overall : null, {
          sizeList: sizeSentence(book, scope, mine, before && before.overall.projects > 0 ? before : null, ''),
          tagList: tagSentence(book, scope, mine),
        }),
      ),
      para(placeholder(`${c.key}重点项目的主要特点和下步打算`)),
    );
  });
  blocks.push(
    flush(t('主持人：')),
    para(t('现场提问就到这里，大家如果还有其他需要了解的内容，请联系'), param(input, 'contactUnit', '联系单位'), t('，电话：'), param(input, 'contactPhone', '联系电话'), t('。')),
    para(t('新闻发布会到此结束。谢谢大家！')),
  );

  return { kind: 'press-conference', name: `${year}年重点项目建设新闻发布会材料`, blocks, figures: book.figures, charts: [], problems: [] };
}

/** The focuses of seed 000's release, in its order; "七网" stands for the tag 七网基础设施. */
export const SEED_FOCUSES = ['十强产业', '先进制造业', '新能源', '涉海', '七网', '民生'] as const;

/**
 * The focuses of the release: the tags named in the parameters; else those of seed 000's six
 * the list carries (a tag named so, or starting so); else the six tags with most projects.
 */
export function focusTags(input: DraftInput, st: Statistics): KeyedSummary[] {
  const chosen = (input.params.focusTags ?? '').split(/[,，、\s]+/).filter(Boolean);
  const tagged = st.byTag.filter((g) => g.projects > 0);
  if (chosen.length) return chosen.map((name) => tagged.find((g) => g.key === name)).filter((g): g is KeyedSummary => g !== undefined);
  const seed = SEED_FOCUSES.map((name) => tagged.find((g) => g.key === name) ?? tagged.find((g) => g.key.startsWith(name))).filter((g): g is KeyedSummary => g !== undefined);
  return seed.length ? seed : [...tagged].sort((a, b) => b.projects - a.projects).slice(0, 6);
}

/** "总投资1亿元以上项目206个，比2023年增加19个。其中，总投资30亿元（含）以上项目7个，…" */
function sizeSentence(book: FigureBook, scope: Scope, st: Statistics, previous: Statistics | null, lead: string): Run[] {
  const bucket = (s: Statistics | null, key: string): KeyedSummary | undefined => s?.bySize.find((b) => b.key === key);
  const [top, mid, big] = DEFAULT_SIZE_BUCKETS.map((b) => b.key);
  const sum = (s: Statistics | null, keys: string[]) => (s ? keys.reduce((n, k) => n + (bucket(s, k)?.projects ?? 0), 0) : null);
  const part = (label: string, keys: string[], name: string): Run[] => {
    // The buckets the figure counts come with its name (figure-drill.ts).
    const sizeScope: Scope = { ...scope, label: `${scope.label}·${label}` };
    return [t(`总投资${label}项目`), book.figure(sizeScope, name, count(sum(st, keys)!, book.style)), t('，'), ...countChange(book, sizeScope, `${name}Change`, sum(st, keys)!, sum(previous, keys))];
  };
  // A size without projects this year is left out (never "项目0个"); none at all, no sentence.
  if (!sum(st, [top!, mid!, big!])) return [];
  const within = [part('30亿元（含）以上', [top!], 'over30yi'), part('10亿元（含）-30亿元', [mid!], 'from10to30yi')].filter((_, i) => sum(st, [[top!], [mid!]][i]!)! > 0);
  return [t(lead), ...part('1亿元以上', [top!, mid!, big!], 'over1yi'), ...(within.length ? [t('。其中，'), ...within.flatMap((w, i) => [...(i ? [t('；')] : []), ...w])] : []), t('。')];
}

/** "智改数转项目166个，占项目总数的53.4%；…。" for the tags a group's projects carry. */
function tagSentence(book: FigureBook, scope: Scope, st: Statistics): Run[] {
  // A tag every project of the group carries says nothing ("占项目总数的100%"): left out.
  const tags = st.byTag.filter((g) => g.projects > 0 && g.projects < st.overall.projects);
  const runs: Run[] = [];
  tags.forEach((g, i) => {
    const tagScope: Scope = { label: `${scope.label}·${g.key}`, filter: { ...scope.filter, tags: [g.key] }, dimension: 'all', key: '' };
    runs.push(
      t(g.key.endsWith('项目') ? g.key : `${g.key}项目`),
      book.figure(tagScope, 'projects', count(g.projects, book.style)),
      t('，占项目总数的'),
      book.figure(tagScope, 'share', percent(g.projects, st.overall.projects, book.style), 'share'),
      t(i === tags.length - 1 ? '。' : '；'),
    );
  });
  return runs;
}
