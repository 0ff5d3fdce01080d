/**
 * 0006: money can only be an integer of 元 in the library itself. Amounts are integers of 元
 * everywhere in the code (shared/money.ts), but the columns' INTEGER affinity would still store
 * 1234.5 as a real number if any writer — a future import, a script, kpw — ever handed one over,
 * and every sum after it would be off by a fraction nobody sees. Triggers (rebuilding the tables
 * for a CHECK would drop and re-create tables other tables point at) refuse such a write.
 *
 * A library that already holds a non-integer amount is not migrated: the check below fails the
 * migration (it runs in one transaction, so the library stays at version 5, backed up), rather
 * than rounding it silently.
 */
const MONEY = [
  ['projects', 'total_investment'],
  ['year_plans', 'annual_plan'],
  ['progress_reports', 'completed_to_date'],
] as const;

const check = MONEY.map(([table, column]) => `SELECT count(*) FROM ${table} WHERE ${column} IS NOT NULL AND typeof(${column}) <> 'integer'`).join(' UNION ALL ');

const triggers = MONEY.flatMap(([table, column]) =>
  ['INSERT', 'UPDATE'].map(
    (event) => `CREATE TRIGGER ${table}_${column}_integer_${event.toLowerCase()} BEFORE ${event} ON ${table}
WHEN NEW.${column} IS NOT NULL AND typeof(NEW.${column}) <> 'integer'
BEGIN SELECT RAISE(ABORT, '金额必须是整数（以元计）'); END;`,
  ),
).join('\n');

export const up = /* sql */ `
CREATE TEMP TABLE money_check (non_integer INTEGER CHECK (non_integer = 0));
INSERT INTO money_check ${check};
DROP TABLE money_check;
${triggers}
`;
