/**
 * A small library built through the contract, as a user would, whose June 2024 holds one project
 * of every kind a bulletin must name (time progress 50%, default warning rules):
 * ahead, behind on investment (red and yellow), due to start and not started (red, with an open
 * 用地 problem; yellow, without one), unreported since March (red on its carried figure), and a
 * 续建 project not resumed; a 资金 problem solved in June.
 */
import { contractCaller } from './contract';
import type { TempLibrary } from './library';

export interface LaggingProject {
  name: string;
  district: string;
  nature: '新建' | '续建';
  level: '省级' | '市级' | '县级';
  plannedStartMonth?: number;
  /** 万元 by month (cumulative); a month missing is not reported. */
  completed: Record<number, number>;
  started: boolean;
}

export const LAGGING: LaggingProject[] = [
  { name: '海港大道改造工程', district: '甲区', nature: '续建', level: '省级', completed: { 5: 700, 6: 800 }, started: true },
  { name: '滨海新材料产业园', district: '乙区', nature: '续建', level: '省级', completed: { 5: 80, 6: 100 }, started: true },
  { name: '北山污水处理厂', district: '乙区', nature: '续建', level: '市级', completed: { 5: 250, 6: 300 }, started: true },
  { name: '东岸冷链物流中心', district: '乙区', nature: '新建', level: '市级', plannedStartMonth: 3, completed: { 5: 0, 6: 0 }, started: false },
  { name: '西湖学校建设', district: '甲区', nature: '新建', level: '县级', plannedStartMonth: 5, completed: { 5: 0, 6: 0 }, started: false },
  { name: '南城医疗中心', district: '乙区', nature: '续建', level: '县级', completed: { 1: 20, 2: 60, 3: 100 }, started: true },
  { name: '老旧小区改造', district: '甲区', nature: '续建', level: '县级', completed: { 5: 500, 6: 600 }, started: false },
  { name: '西海岸海堤修复', district: '甲区', nature: '新建', level: '县级', plannedStartMonth: 2, completed: { 5: 450, 6: 650 }, started: true },
];

export const OPEN_PROBLEM = '用地指标未落实';

/** Fill `lib` with LAGGING for 2024 (annual plan 1000万元 each), reports as given, and two problems. Returns the ids by name. */
export async function fillLaggingLibrary(lib: TempLibrary): Promise<Record<string, number>> {
  const { call } = contractCaller(() => lib.ctx);
  const year = 2024;
  const lists = await call('lists.get', {});
  for (const d of ['甲区', '乙区']) if (!lists.districts.some((x) => x.name === d)) await call('lists.add', { kind: 'districts', name: d });
  const category = lists.categories[0]!.name;
  const ids: Record<string, number> = {};
  for (const p of LAGGING) {
    const row = await call('projects.add', { year, name: p.name });
    ids[p.name] = row.projectId;
    const set = (field: string, value: string) => call('projects.update', { projectId: row.projectId, year, field, value, unit: '万元' });
    await set('district', p.district);
    await set('category', category);
    await set('level', p.level);
    await set('nature', p.nature);
    await set('totalInvestment', '5000');
    await set('annualPlan', '1000');
    await set('responsibleUnit', `${p.district}住房城乡建设局`);
    if (p.plannedStartMonth) await set('plannedStartMonth', String(p.plannedStartMonth));
    for (const [month, amount] of Object.entries(p.completed)) {
      await call('dispatch.update', { projectId: row.projectId, year, month: Number(month), field: 'completedToDate', value: String(amount), unit: '万元' });
      await call('dispatch.update', { projectId: row.projectId, year, month: Number(month), field: 'started', value: p.started ? '是' : '否', unit: '万元' });
    }
  }
  await call('problems.add', { projectId: ids['东岸冷链物流中心']!, year, type: 'land', description: `${OPEN_PROBLEM}。`, ownerDepartment: '自然资源和规划局', raisedDate: '2024-02-10' });
  const funds = await call('problems.add', { projectId: ids['北山污水处理厂']!, year, type: 'funds', description: '配套资金未到位', ownerDepartment: '财政局', raisedDate: '2024-01-15' });
  await call('problems.update', { id: funds.id, year, field: 'status', value: 'solved' });
  await call('problems.update', { id: funds.id, year, field: 'solvedDate', value: '2024-06-10' });
  return ids;
}
