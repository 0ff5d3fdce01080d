/**
 * The life cycle in the drafts: the 年度工作总结 (seed 002's structure) with funds by source and
 * 同比, 要素保障 and the pipeline, rendered by LibreOffice; the reply's 其他工作情况 and the
 * bulletin's 前期 paragraph carry the procedure sentences of seed 004 as figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemoLibrary } from '../../electron/services/demo';
import { buildDraft, draftDocx } from '../../electron/services/drafts/index';
import type { Draft } from '../../shared/drafts';
import { contractCaller } from '../helpers/contract';
import { renderWithLibreOffice } from '../helpers/docx';
import { createTempLibrary, type TempLibrary } from '../helpers/library';

const textOf = (draft: Draft) => draft.blocks.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : 'text' in b ? b.text : '')).join('\n');
let lib: TempLibrary;
const { call, list } = contractCaller(() => lib.ctx);

beforeAll(async () => {
  lib = createTempLibrary({ now: () => new Date(2024, 8, 30) });
  fillDemoLibrary(lib.ctx.library!.db, 'x');
  const fund = (year: number, source: 'central' | 'ultraLongBond' | 'specialBond' | 'other', amount: string) => call('support.addFund', { year, source, amount, unit: '亿元' });
  await fund(2023, 'central', '12.3');
  await fund(2023, 'specialBond', '137.4');
  await fund(2023, 'other', '27.96');
  await fund(2024, 'central', '27');
  await fund(2024, 'ultraLongBond', '44.6');
  await fund(2024, 'specialBond', '167');
  await call('support.setBank', { year: 2024, projects: 32, credit: '125.15', loans: '49.09', balance: '48.43', unit: '亿元' });
  await call('support.addLand', { year: 2024, area: '511.05' });
  // Two projects: one 前期 all year with its 立项 in March and 施工许可 in August; one started early in July.
  const [a, b] = (await list(2024)).slice(0, 2);
  const kinds = await call('procedures.kinds', {});
  const stage = async (projectId: number, value: string, on?: string) => {
    await call('projects.update', { projectId, year: 2024, field: 'stage', value, unit: '万元' });
    if (on) await call('projects.update', { projectId, year: 2024, field: 'stageChangedOn', value: on, unit: '万元' });
  };
  await stage(a!.projectId, '前期');
  await call('projects.update', { projectId: a!.projectId, year: 2024, field: 'stageChangedOn', value: '2023-12-01', unit: '万元' });
  await stage(b!.projectId, '前期', '2023-12-01');
  await stage(b!.projectId, '在建', '2024-07-15');
  await call('procedures.update', { year: 2024, projectId: a!.projectId, kindId: kinds[0]!.id, field: 'obtainedDate', value: '2024-03-10' });
  await call('procedures.update', { year: 2024, projectId: a!.projectId, kindId: kinds[6]!.id, field: 'obtainedDate', value: '2024-08-20' });
  await call('procedures.update', { year: 2024, projectId: b!.projectId, kindId: kinds[0]!.id, field: 'obtainedDate', value: '2024-09-05' });
});
afterAll(() => lib.close());

describe('the life cycle in the drafts', () => {
  it('writes the 年度工作总结 in seed 002’s structure with funds by source and 同比, and LibreOffice renders it', async () => {
    const params = { office: '市发展和改革委员会', date: '2024年12月31日' };
    const draft = buildDraft(lib.ctx, { kind: 'work-summary', year: 2024, month: 8, params });
    const text = textOf(draft);
    expect(text).toContain('2024年全市重点项目建设工作总结');
    expect(text).toContain('2024年，全市安排重点项目896个，总投资4399.6亿元，年度计划投资1041.9亿元。');
    expect(text).toContain('全年累计争取上级资金238.6亿元，同比增长34.3%。其中，中央预算内资金27亿元，同比增长119.5%；超长期特别国债44.6亿元；专项债券167亿元，同比增长21.5%。');
    expect(text).toContain('全市银行业机构支持重点项目32个，授信额度125.15亿元，累计发放贷款49.09亿元，贷款余额48.43亿元。解决重点项目用地511.05亩。');
    // 9月5日's 立项 is after 8月底: not counted.
    expect(text).toContain('1-8月，前期项目1个；取得立项、备案、施工许可证等手续2个，其中立项、备案1个，施工许可证1个；提前开工1个');
    expect(text).toMatch(/一、主要工作情况[\s\S]*（二）聚焦政策机遇[\s\S]*（五）聚焦长远发展[\s\S]*二、下一步工作打算/);
    // Every number is a figure with its definition; 提前开工 opens its one project.
    const early = draft.figures.find((f) => f.label.startsWith('提前开工（'))!;
    expect(early).toMatchObject({ text: '1个', measure: 'count' });
    expect(early.definition).toMatch(/由前期/);
    expect((await call('stats.projects', { ...early.source })).length).toBe(1);

    const { bytes } = await draftDocx(lib.ctx, { kind: 'work-summary', year: 2024, month: 8, params });
    const pdf = renderWithLibreOffice(bytes);
    expect(pdf.pages).toBeGreaterThan(0);
    expect(pdf.pagesText[0]).toContain('—1—');
    expect(pdf.text.replace(/\s+/g, '')).toContain('其中，中央预算内资金27亿元，同比增长119.5%');
  }, 120_000);

  it('gives the reply’s 其他工作情况 and the bulletin’s 前期 paragraph the procedure sentences', () => {
    const reply = textOf(buildDraft(lib.ctx, { kind: 'proposal-reply', year: 2024, month: 8, params: {} }));
    expect(reply).toContain('全市银行业机构支持重点项目32个');
    expect(reply).toContain('【请补充：其他工作情况（领导包联等）】');
    const bulletin = textOf(buildDraft(lib.ctx, { kind: 'bulletin', year: 2024, month: 8, params: {} }));
    expect(bulletin).toContain('前期工作方面，1-8月，前期项目1个；取得立项、备案、施工许可证等手续2个');
  });

  it('writes no zero clause: a colour or a count without projects is left out, never "0个"', async () => {
    // The demo city has red projects since issue 15.7; rules under which none can be red (only the
    // gap rule, red beyond 100 points) make "no red project in August" by construction.
    const saved = await call('settings.thresholds', {});
    await call('settings.setThresholds', { rules: ['gap'], redGap: 1, yellowGap: 0.1 });
    try {
      const text = textOf(buildDraft(lib.ctx, { kind: 'work-summary', year: 2024, month: 8, params: {} }));
      // Only the yellow ones are counted; no 储备 project, no overdue procedure.
      expect(text).toMatch(/对项目实行红黄绿三色预警，截至8月底，黄色预警项目\d+个。/);
      expect(text).not.toContain('红色预警项目');
      expect(text).not.toContain('储备项目');
      expect(text).not.toContain('逾期未办结手续');
      expect(text).not.toMatch(/(?<![\d.])0(个|项|宗|亿元|万元|亩)/);
    } finally {
      await call('settings.setThresholds', { rules: saved.rules, redGap: saved.redGap, yellowGap: saved.yellowGap });
    }
  });

  it('writes the life-cycle sentences in the office’s style (设置 > 口径): counting word, decimals, unit', async () => {
    await call('settings.setStyle', { countWord: '项', percentDecimals: 2, textUnit: '万元' });
    try {
      const text = textOf(buildDraft(lib.ctx, { kind: 'work-summary', year: 2024, month: 8, params: {} }));
      expect(text).toContain('全年累计争取上级资金2386000万元，同比增长34.3%。其中，中央预算内资金270000万元，同比增长119.51%；超长期特别国债446000万元；专项债券1670000万元，同比增长21.54%。');
      expect(text).toContain('全市银行业机构支持重点项目32项，授信额度1251500万元');
      expect(text).toContain('1-8月，前期项目1项；取得立项、备案、施工许可证等手续2项，其中立项、备案1项，施工许可证1项；提前开工1项');
    } finally {
      await call('settings.setStyle', { countWord: null, percentDecimals: 1, textUnit: 'auto' });
    }
  });
});

