/**
 * The demo city's fixed data (electron/services/demo.ts builds the library from it): the seeds'
 * real project names and the district each is in, names for the rest, the 32 city leaders, how
 * fast each district builds (so the 赛马 has leaders and laggards), and the words of its problems.
 */
import type { ProblemType } from '../../shared/problems';

export const DEMO_DISTRICTS = ['环翠区', '文登区', '荣成市', '乳山市', '高区', '经区', '临港区', '南海新区'] as const;
export type DemoDistrict = (typeof DEMO_DISTRICTS)[number];

/**
 * Share of a project's usual pace each district keeps: at the end of August 荣成市 is well ahead
 * of 时序进度 and 南海新区 far behind (their completion rates some 30 points apart), while the red
 * projects stay as few as a real city's (a dozen or two, mostly late starts): a district 35 points
 * behind made most of its projects red and the bulletin's red list fifteen pages long.
 */
export const DISTRICT_PACE: Record<DemoDistrict, number> = {
  环翠区: 1.2,
  文登区: 1.1,
  荣成市: 1.38,
  乳山市: 1.06,
  高区: 1.28,
  经区: 1.0,
  临港区: 0.95,
  南海新区: 0.88,
};

/** A project of the demo city as the generator makes it (amounts in 万元). */
export interface DemoProject {
  name: string;
  category: string;
  nature: 'new' | 'continued';
  /** Whether the project is on 2024's list (else on 2023's only). */
  in2024: boolean;
  /** Whether it is on 2023's list too (2024's continued projects are). */
  in2023: boolean;
  total: number; // 万元
  plan2024: number;
  plan2023: number;
  tags: string[];
  district: DemoDistrict;
  level: 'province' | 'city' | 'county';
  leader: string | null;
  startMonth: number; // the month it starts or resumes work, in its first listed year
  startMonth2023: number;
  pace: number; // share of the annual plan done by December
  plannedStartMonth: number | null;
}

/** The districts where work lags: their new projects include those due and not started, their units the unreported ones. */
export const LAGGING_DISTRICTS: readonly DemoDistrict[] = ['南海新区', '临港区', '经区'];

export const SEED_NAMES: Record<string, string[]> = {
  基础设施及公共服务: ['威海新机场', 'G18文双高速', '乳山口大桥', '经区九龙河流域综合治理', '市第二实验高级中学', '高区和苑学校', '文登整骨骨伤治疗中心', '临港区河道综合整治'],
  科技创新: ['磁纳米粒子成像研究', '超低功耗高精度卫星定位与无线通信一体化芯片', 'T1100碳纤维稳定化制备', '医用高性能钴基合金棒丝材国产化', '阻尼连续可调智能悬架控制技术', '智能搬运与调度系统', '智能微型超市'],
  工业: ['石岛湾核电站扩建一期', '清华核研基地', '高区未来机器人海洋工程智能装备', '山东船舶技术研究院', '乳山海上风电'],
  城建: ['环翠区海峰路西延', '高区老旧小区改造提升', '临港区住宅小区综合提升', '高区西海岸海堤修复', '栖霞街城市更新', '老港区改造', '卫城大院', '半月湾艺术产业综合体', '威海国际海水浴场及西海岸周边旅游基础设施提升工程', '经区摩天岭郊野体育公园二期', '中韩自贸区产业园青年中心', '山东大学威海校区研究生公寓', '帝王宫农贸市场改造', '长峰农贸市场二期'],
  乡村振兴: ['乳山农村人居环境整治提升', '文登明汇水产预制菜'],
  海洋产业: ['荣成国家级海洋牧场示范区', '经区中外运国际物流中心', '环翠远遥浅海科技湾区'],
};
export const NAME_PARTS: Record<string, [string[], string[]]> = {
  基础设施及公共服务: [['道路', '供水', '污水处理', '燃气管网', '电网', '学校', '医院', '综合管廊', '防洪排涝', '公交枢纽'], ['工程', '提升工程', '建设项目', '改扩建项目']],
  科技创新: [['新材料', '集成电路', '医疗器械', '智能制造', '高端装备', '生物医药', '新一代信息技术', '碳纤维'], ['研发项目', '技术攻关', '创新平台建设', '中试基地']],
  工业: [['智能工厂', '数字化车间', '新能源装备', '精密机械', '复合材料', '轮胎', '电子信息', '食品加工'], ['项目', '技改项目', '扩产项目', '产业园']],
  城建: [['老旧小区改造', '城市更新', '道路改造', '公园', '农贸市场', '供热管网', '停车场', '人才公寓'], ['工程', '项目', '提升工程']],
  乡村振兴: [['现代农业产业园', '冷链仓储', '高标准农田', '特色种植基地', '农产品加工', '美丽乡村'], ['项目', '建设项目', '提升工程']],
  海洋产业: [['海洋牧场', '海参育苗', '海产品精深加工', '船舶修造', '海洋装备', '渔港', '冷链物流', '滨海旅游'], ['项目', '基地', '二期项目']],
};

/** Where the seeds put their projects (seed 000: 荣成核能, 乳山海上风电, 乳山口大桥, 环翠远遥 …). */
const SEED_PLACES: Record<string, DemoDistrict> = {
  威海新机场: '文登区',
  G18文双高速: '文登区',
  乳山口大桥: '乳山市',
  市第二实验高级中学: '环翠区',
  文登整骨骨伤治疗中心: '文登区',
  石岛湾核电站扩建一期: '荣成市',
  清华核研基地: '荣成市',
  山东船舶技术研究院: '高区',
  乳山海上风电: '乳山市',
  栖霞街城市更新: '环翠区',
  老港区改造: '环翠区',
  卫城大院: '环翠区',
  半月湾艺术产业综合体: '高区',
  威海国际海水浴场及西海岸周边旅游基础设施提升工程: '环翠区',
  中韩自贸区产业园青年中心: '经区',
  山东大学威海校区研究生公寓: '文登区',
  帝王宫农贸市场改造: '环翠区',
  长峰农贸市场二期: '环翠区',
  荣成国家级海洋牧场示范区: '荣成市',
  文登明汇水产预制菜: '文登区',
};
const SHORT_NAMES: [string, DemoDistrict][] = [['环翠', '环翠区'], ['文登', '文登区'], ['荣成', '荣成市'], ['乳山', '乳山市'], ['高区', '高区'], ['经区', '经区'], ['临港区', '临港区'], ['南海', '南海新区']];

/** The district a seed project is in (by the seeds, or by the district its name begins with), or null. */
export function seedDistrict(name: string): DemoDistrict | null {
  return SEED_PLACES[name] ?? SHORT_NAMES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? null;
}

export const CITY_LEADERS = [
  '张宗浩', '李明远', '王建华', '刘志强', '陈国栋', '杨海涛', '赵卫东', '周晓光', '吴振宇', '徐立新', '孙德胜', '马俊峰', '胡文博', '朱永刚', '郭红梅', '何建军',
  '高世杰', '林海波', '罗新民', '郑光明', '梁志远', '谢宏伟', '宋立平', '唐国庆', '许文涛', '韩晓东', '冯振华', '邓海燕', '曹永利', '彭建国', '曾庆丰', '萧雨辰',
];

/** The district leaders who contact its county-level projects (two a district). */
export const COUNTY_LEADERS: Record<DemoDistrict, [string, string]> = {
  环翠区: ['王海峰', '李文静'],
  文登区: ['张志刚', '刘晓燕'],
  荣成市: ['陈建平', '赵春雷'],
  乳山市: ['孙国华', '周丽娟'],
  高区: ['吴昊', '郑新宇'],
  经区: ['冯立军', '褚红霞'],
  临港区: ['卫东升', '蒋明辉'],
  南海新区: ['沈海洋', '韩雪梅'],
};

/** Problems as dispatch sheets word them (tersely: a 包联 page lists them in a narrow column), by type, with the department that must solve them. */
export const DEMO_PROBLEMS: { type: ProblemType; description: string; department: string | null }[] = [
  { type: 'land', description: '用地指标未落实', department: '市自然资源和规划局' },
  { type: 'funds', description: '资本金未足额到位', department: '市财政局' },
  { type: 'environment', description: '环评报告未批复', department: '市生态环境局' },
  { type: 'energy', description: '能耗指标缺口大', department: '市发展改革委' },
  { type: 'approval', description: '施工许可证未办理', department: '市行政审批服务局' },
  { type: 'demolition', description: '房屋征收未完成', department: null },
  { type: 'other', description: '设计调整，招标延后', department: '市住房城乡建设局' },
];
