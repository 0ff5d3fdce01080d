/**
 * The wording of the figures beside the annual ones in the monthly bulletin (issue 14, "Two
 * figures and two plans"): the 纳统（统计入库）figure when it differs from the dispatch figure, the
 * plan 1-M月 when there is one, and the 时序开工率 when new projects were due to start. Each
 * sentence is printed only when its figures exist (a clause of no data is left out, not "0").
 */
/** A template as shared/drafts.ts's TemplateDef (which lists these), written here without importing it (no import cycle). */
interface Template {
  key: string;
  label: string;
  fields: readonly string[];
  text: string;
}

export const TWO_FIGURE_FIELD_LABELS: Record<string, string> = {
  statisticsCompleted: '纳统（统计入库）完成投资',
  statisticsDifference: '纳统数与调度数之差（“比调度数少…”）',
  statisticsRate: '纳统完成投资占年度计划投资的比例',
  plannedToDate: '1-M月计划投资',
  plannedRate: '完成1-M月计划的比例',
  plannedScope: '有分期计划的项目（不是全部项目时写明个数）',
  dueToStart: '截至M月底应开工的新建项目个数',
  startedDue: '其中已开工的个数',
  timelyStartRate: '时序开工率',
};

const PERIOD = ['year', 'period', 'month'] as const;

export const TWO_FIGURE_TEMPLATES: readonly Template[] = [
  {
    key: 'bulletin.statistics',
    label: '通报·纳统（统计入库）投资',
    fields: [...PERIOD, 'completed', 'statisticsCompleted', 'statisticsDifference', 'statisticsRate'],
    text: '其中，纳统（统计入库）完成投资{statisticsCompleted}，{statisticsDifference}，占年度计划投资的{statisticsRate}。',
  },
  {
    key: 'bulletin.planToDate',
    label: '通报·分期计划完成情况',
    fields: [...PERIOD, 'completionRate', 'plannedToDate', 'plannedRate', 'plannedScope'],
    text: '{plannedScope}{period}计划投资{plannedToDate}，完成{period}投资计划的{plannedRate}，完成年度投资计划的{completionRate}。',
  },
  {
    key: 'bulletin.timelyStart',
    label: '通报·时序开工率',
    fields: [...PERIOD, 'dueToStart', 'startedDue', 'timelyStartRate'],
    text: '截至{month}月底，应开工新建项目{dueToStart}个，已开工{startedDue}个，时序开工率{timelyStartRate}。',
  },
];
