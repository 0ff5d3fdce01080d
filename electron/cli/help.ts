/** kpw --help: every command, its options, the draft parameters and the exit codes. */
import { DRAFT_KINDS, DRAFT_PARAMS } from '../../shared/drafts';
import { VERSION } from './version';

export const HELP = `kpw — 重点项目工作台命令行工具 ${VERSION}

用法：
  kpw init --db 文件        新建一个空的项目库（含默认项目类别、牵头部门和标签）
  kpw demo --db 文件        新建示例项目库（一个城市2023、2024年的清单和月调度，统计数字与2024年重点项目新闻发布会一致）
  kpw import projects 文件.xlsx --db 项目库 --year 年度 [--sheet 工作表] [--dry-run] [--valid-only] [--allow-missing 列名]
                           导入年度项目清单：先检查全部内容，有错误则不写入（--valid-only 只导入无误的行）；
                           没有“总投资”或“年度计划投资”列的清单不导入，除非用 --allow-missing 总投资,年度计划投资 确认清单没有该列
  kpw import progress 文件.xlsx [文件2.xlsx …] --db 项目库 --year 年度 --month 月份 [--sheet 工作表] [--dry-run]
                    [--confirm-month] [--allow-no-completed]
                           导入某月调度表或各区市交回的填报模板（可一次导入多个，全部无误才写入）；
                           完成投资可为1-M月累计、逐月各列（相加）或本月加上月累计；表头写的是别的月份时不导入，
                           除非加 --confirm-month；没有完成投资列的表不导入，除非加 --allow-no-completed
  kpw template --db 项目库 --year 年度 --month 月份 --district 区市 --out 文件.xlsx
                           生成某区市某月的调度填报模板
  kpw stats --db 项目库 --year 年度 --month 月份 [--json]
                           统计：总体、按级别、类别、区市、规模，及上年同期（--json 输出 JSON，金额单位万元，
                           含项目阶段与转化 stages、前期手续 procedures、要素保障 funds）
  kpw supervisions --db 项目库 --year 年度 [--json]
                           督办记录：各预警通知书、督办单的等级、办理时限、反馈和审核情况（逾期的标明）
  kpw close --db 项目库 --year 年度 --month 月份
                           关账：该月的统计、排名、预警、问题和文稿数字从此保持关账时的样子
  kpw reopen --db 项目库 --year 年度 --month 月份 --reason 原因
                           重新开账（须说明原因，记入日志）；该月数字恢复按最新数据计算
  kpw export projects --db 项目库 --year 年度 --out 文件.xlsx [--unit 万元|亿元]
                           导出年度项目清单
  kpw backup --db 项目库 --out 备份.kpw
                           备份项目库（SQLite 备份接口，写入后校验完整性；不覆盖已有文件）
  kpw import ledger 台账.xlsx --db 项目库 --plan 行动计划名称 [--dry-run]
                           导入行动计划台账（每个工作表一个台账：工作任务、重点任务、重点指标、试点示范、创新性工作），全部无误才写入
  kpw import procedures 手续表.xlsx --db 项目库 --year 年度 [--dry-run] [--valid-only]
                           导入前期手续（项目编号或名称，每项手续一列：办结日期、已办/未办或“计划…”；或每项手续一组
                           计划时间/办结时间/批复文号列），全部无误才写入（--valid-only 只导入无误的行）
  kpw import funds 资金表.xlsx --db 项目库 --year 年度 [--dry-run]
                           导入争取上级资金（年度、资金来源、金额、项目名称）；表中各年度的资金替换项目库中该年度的记录
  kpw import bank 银行支持表.xlsx --db 项目库 --year 年度 [--dry-run]
                           导入银行支持（全市合计：支持项目数、授信、贷款、余额；或按项目的贷款）；替换表中各年度的记录
  kpw import land 用地表.xlsx --db 项目库 --year 年度 [--dry-run]
                           导入用地保障（项目名称、解决用地亩数）；替换表中各年度的记录
  kpw ledgers --db 项目库 [--json]
                           各行动计划各台账的条目数和推进状态统计
  kpw draft press-conference|proposal-reply|bulletin --db 项目库 --year 年度 --month 月份 --out 文件.docx [--set 参数=值]…
                           生成文稿：新闻发布会材料、提案（建议）答复、重点项目建设情况通报（公文格式，数字取自统计）
                           参数见下，未给出的内容在文稿中标为【请补充：…】
  kpw --help               显示本帮助
  kpw --version            显示版本

文稿参数（--set）：
${DRAFT_KINDS.map((k) => `  ${k}：${DRAFT_PARAMS[k].map((p) => `${p.key}（${p.label}）`).join('、')}`).join('\n')}

导入的文件可以是 .xlsx、.xls（Excel 97-2003/WPS）、.csv（UTF-8 或 GBK）或含表格的 .docx（每个表格作为一个工作表：表1、表2…），按文件内容识别格式。

退出码：0 成功；1 输入被拒绝（原因见标准错误输出，未写入任何内容）；2 用法错误。
`;
