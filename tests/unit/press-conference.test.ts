/**
 * 新闻发布会材料 as seed 000's host speaks (issue 15.6): speakers called on by their short title
 * ("请张宗浩主任介绍"), placeholders for the organiser, the media and the closing contact line, and
 * the release's focuses chosen as the seed's when the list carries those tags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { buildDraft } from '../../electron/services/drafts/index';
import { focusTags, SEED_FOCUSES } from '../../electron/services/drafts/press-conference';
import { shortTitle, type DraftInput } from '../../electron/services/drafts/parts';
import type { Draft } from '../../shared/drafts';
import type { KeyedSummary, Statistics } from '../../shared/statistics';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

const textOf = (draft: Draft) => draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
const SEED_SPEAKERS = [
  '张宗浩|市发展改革委党组书记、主任，市新旧动能办主任，市国动办主任|发展改革委',
  '王军伟|市科技局党组成员、副局长|科技局',
  '杨启玉|市工业和信息化局党组成员、副局长|工业和信息化局',
  '崔继江|市住房城乡建设局党组成员、副局长|住房城乡建设局',
  '张辉|市农业农村局党组成员、乡村振兴局常务副局长、新闻发言人|农业农村局',
  '梁延松|市海洋发展局四级调研员|海洋发展局',
].join('\n');

let demo: TempLibrary;
beforeAll(() => {
  demo = createTempLibrary({ now: () => new Date(2024, 2, 12) });
  fillDemoLibrary(demo.ctx.library!.db, 'x');
});
afterAll(() => demo.close());
const press = (params: Record<string, string> = {}) => textOf(buildDraft(demo.ctx, { kind: 'press-conference', year: 2024, month: 2, params: { speakers: SEED_SPEAKERS, ...params } }));

describe('the host’s words', () => {
  it('calls each speaker by the short title of his full one', () => {
    expect(['市发展改革委党组书记、主任，市新旧动能办主任，市国动办主任', '市科技局党组成员、副局长', '市农业农村局党组成员、乡村振兴局常务副局长、新闻发言人', '市海洋发展局四级调研员', '市委副秘书长', '市发展改革委党组书记'].map(shortTitle)).toEqual([
      '主任', '副局长', '常务副局长', '调研员', '副秘书长', '书记',
    ]);
    expect(shortTitle('')).toBe('同志');
    const text = press();
    expect(text).toContain('首先，请张宗浩主任介绍2024年省市县三级重点项目有关情况。');
    expect(text).toContain('感谢张宗浩主任的发布。');
    expect(text).toContain('今天，我们邀请市发展改革委党组书记、主任，市新旧动能办主任，市国动办主任张宗浩同志，市科技局党组成员、副局长王军伟同志');
    // A 称呼 given in the fourth field wins.
    expect(press({ speakers: '张宗浩|市发展改革委党组书记、主任|发展改革委|张主任' })).toContain('首先，请张宗浩张主任介绍');
  });

  it('leaves the organiser, the media and the closing contact as placeholders, and fills them when given', () => {
    const blank = press();
    expect(blank).toContain('欢迎参加【请补充：主办单位，如市政府新闻办】新闻发布会。');
    expect(blank).toContain('参加本次新闻发布会的媒体有：【请补充：参会媒体】。');
    expect(blank).toContain('现场提问就到这里，大家如果还有其他需要了解的内容，请联系【请补充：联系单位】，电话：【请补充：联系电话】。\n新闻发布会到此结束。谢谢大家！');
    const filled = press({ organizer: '市政府新闻办', media: '上级媒体、网站驻威新闻机构，威海市新闻媒体，威海发布等', contactUnit: '市发展改革委重点科', contactPhone: '5208106' });
    expect(filled).toContain('欢迎参加市政府新闻办新闻发布会。');
    expect(filled).toContain('参加本次新闻发布会的媒体有：上级媒体、网站驻威新闻机构，威海市新闻媒体，威海发布等。');
    expect(filled).toContain('请联系市发展改革委重点科，电话：5208106。');
    expect(filled).not.toContain('【请补充：主办单位');
  });
});

describe('sentences a writer keeps', () => {
  it('leaves out size buckets empty this year and last, and tags every project of a category carries', () => {
    const text = press();
    expect(text).not.toMatch(/项目0个，与上年持平/);
    expect(text).toContain('乡村振兴重点项目计划实施98个');
    expect(text).toMatch(/总投资1亿元以上项目98个，比2023年增加19个。[^。]*产业类项目74个/);
    expect(text).not.toContain('占项目总数的100%');
    // Still written where they say something.
    expect(text).toContain('其中，总投资30亿元（含）以上项目7个，比2023年增加4个；总投资10亿元（含）-30亿元项目24个，比2023年增加8个。');
  });
});

describe('the release’s focuses', () => {
  it('are seed 000’s six, in its order, when the list carries those tags', () => {
    const text = press();
    expect(text).toContain('在重点项目安排上，主要基于以下六个方面考虑：');
    const order = ['一是聚焦十强产业。', '二是聚焦先进制造业。', '三是聚焦新能源。', '四是聚焦涉海。', '五是聚焦七网基础设施。', '六是聚焦民生。'].map((s) => text.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('十强产业项目602个');
    expect(text).toContain('七网基础设施项目149个，总投资2186.7亿元');
    // Named tags still win.
    expect(press({ focusTags: '民生，涉海' })).toContain('主要基于以下两个方面考虑：');
  });

  it('are those of the six the list has, else its six largest tags', () => {
    const g = (key: string, projects: number) => ({ key, projects }) as KeyedSummary;
    const input = { params: {} } as unknown as DraftInput;
    const of = (tags: KeyedSummary[]) => focusTags(input, { byTag: tags } as Statistics).map((x) => x.key);
    expect(of([g('民生', 3), g('智改数转', 50), g('涉海', 9), g('空', 0)])).toEqual(['涉海', '民生']);
    expect(of([g('a', 1), g('b', 7), g('c', 3), g('d', 2), g('e', 9), g('f', 4), g('h', 5)])).toEqual(['e', 'b', 'h', 'f', 'c', 'd']);
    expect(SEED_FOCUSES).toHaveLength(6);
  });
});
