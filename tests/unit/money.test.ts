import { describe, expect, it } from 'vitest';
import { money, moneyFromSpreadsheetNumber, moneyToDecimalText, parseMoney, sumMoney, type Money, type MoneyUnit } from '../../shared/money';
import { formatMoneyCell, formatMoneyText, withThousands } from '../../shared/format';

const yuan = (text: string, unit: '万元' | '亿元' = '万元') => {
  const r = parseMoney(text, unit);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('exact money', () => {
  it('parses amounts as people type them, exactly', () => {
    expect(yuan('0.1') + yuan('0.2')).toBe(yuan('0.3'));
    expect(yuan('1,234.5')).toBe(12_345_000);
    expect(yuan('１２３')).toBe(1_230_000);
    expect(yuan(' 2350.5 ')).toBe(23_505_000);
    expect(yuan('1.5', '亿元')).toBe(150_000_000);
    expect(yuan('1.5亿')).toBe(150_000_000);
    expect(yuan('5000万元', '亿元')).toBe(50_000_000);
    expect(yuan('0.0001')).toBe(1);
  });

  it('refuses what is not an amount, with a Chinese message', () => {
    for (const bad of ['abc', '1.2.3', '—', '', '-5', '0.00001']) {
      const r = parseMoney(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/金额/);
    }
  });

  it('sums 1,000 amounts to what a person gets', () => {
    let total = 0;
    for (let i = 0; i < 1000; i++) total += yuan('0.1');
    expect(moneyToDecimalText(total, '万元', 4)).toBe('100.0000');
  });

  it('rounds half-up on the exact value', () => {
    expect(moneyToDecimalText(yuan('1.005', '亿元'), '亿元', 2)).toBe('1.01');
    expect(moneyToDecimalText(yuan('1.0049', '亿元'), '亿元', 2)).toBe('1.00');
    expect(formatMoneyText(yuan('4399.6', '亿元'))).toBe('4399.6亿元');
    expect(formatMoneyText(yuan('11', '亿元'))).toBe('11亿元');
    expect(formatMoneyText(yuan('2350.5'))).toBe('2350.5万元');
    expect(formatMoneyText(yuan('1372.225', '亿元'))).toBe('1372.23亿元');
  });

  it('writes grid cells with thousands separators in either unit', () => {
    expect(withThousands('1372.23')).toBe('1,372.23');
    expect(formatMoneyCell(yuan('13722300'), '万元')).toBe('13,722,300');
    expect(formatMoneyCell(yuan('13722300'), '亿元')).toBe('1,372.23');
    expect(formatMoneyCell(null, '万元')).toBe('');
  });
});

describe('Money, a distinct type', () => {
  it('is made only from a whole number of 元: 1.5, NaN, Infinity and unsafe integers are refused', () => {
    expect(money(12_345)).toBe(12_345);
    expect(money(-500)).toBe(-500); // a difference (调度数 − 纳统数) may be negative
    expect(() => money(1.5)).toThrow(/金额必须是整数（以元计），而不是1.5/);
    expect(() => money(Number.NaN)).toThrow(/金额必须是整数/);
    expect(() => money(Number.POSITIVE_INFINITY)).toThrow(/金额必须是整数/);
    expect(() => money(2 ** 53)).toThrow(/金额必须是整数/);
    expect(sumMoney([money(1), money(2)])).toBe(3);
    // A plain number is not Money to the type-checker (tsc -b fails on the next line without the directive).
    // @ts-expect-error a number is not Money until checked
    const unchecked: Money = 3;
    expect(unchecked).toBe(3);
  });

  it('comes out of the parsers as Money', () => {
    const r = parseMoney('0.1');
    expect(r.ok && Number.isSafeInteger(r.value)).toBe(true);
  });
});

describe('amounts from spreadsheet numbers', () => {
  /** The general path, which every number took before whole numbers got their own (parseMoney of the plain decimal text). */
  const reference = (n: number, unit: MoneyUnit) => {
    if (!Number.isFinite(n)) return { ok: false, message: '不是有效的金额' };
    const x = Number(n.toPrecision(15));
    const s = String(x);
    return parseMoney(/e/i.test(s) ? x.toFixed(20).replace(/\.?0+$/, '') : s, unit, { roundToYuan: true });
  };

  it('reads every kind of number as the general path does: whole, fractional, negative, tiny, huge, at the limit', () => {
    const numbers = [0, -0, 1, 7, 419234, 139744.5, 0.1 + 0.2, 1e-7, 12.34567, -3, -0.00001, 1e11, 1e11 + 1, 1e7, 1e7 + 1, 99999999999.9999, 1e15, 1e15 - 1, 2 ** 53, 1e20, 1e21, NaN, Infinity, -Infinity];
    for (let i = 0; i < 5000; i++) numbers.push(Math.round(((i * 7919) % 1_000_003) * (i % 3 === 0 ? 1 : 1.37)) / (i % 5 === 0 ? 100 : 1));
    for (const unit of ['万元', '亿元'] as const) for (const n of numbers) expect(moneyFromSpreadsheetNumber(n, unit), `${n} ${unit}`).toEqual(reference(n, unit));
  });
});

