/**
 * 要素保障 entered by hand: the year's bank support as the office totals it, each project's loans
 * (linked to the project when its name is on a list) and land solved. Amounts are typed in 万元;
 * every refusal comes back as the service's Chinese message.
 */
import { useCallback, useEffect, useState } from 'react';
import { formatMoneyText } from '../../../../shared/format';
import { moneyInUnit } from '../../../../shared/money';
import { areaText } from '../../../../shared/phrases';
import type { BankLoan, BankSupport, LandEntry } from '../../../../shared/support';
import { call } from '../../api';

type Props = { year: number; version: number; readOnly: boolean; bank: BankSupport | null; bankFromLoans: boolean; onChanged: (status: string) => void; onError: (err: unknown) => void };

const money = (m: number | null) => (m === null ? '—' : formatMoneyText(m));
const wanText = (m: number | null | undefined) => (m === null || m === undefined ? '' : String(moneyInUnit(m, '万元')));

function Field(props: { label: string; value: string; onChange: (v: string) => void; disabled: boolean; wide?: boolean }) {
  return (
    <label>
      {props.label}
      <input className={props.wide ? '' : 'narrow'} aria-label={props.label} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}

export function SupportForms(props: Props) {
  const { year, version, onChanged, onError } = props;
  const [loans, setLoans] = useState<BankLoan[]>([]);
  const [land, setLand] = useState<LandEntry[]>([]);
  const [totals, setTotals] = useState({ projects: '', credit: '', loans: '', balance: '' });
  const [loan, setLoan] = useState({ projectName: '', bank: '', credit: '', loans: '', balance: '' });
  const [area, setArea] = useState({ projectName: '', area: '', note: '' });
  const reload = useCallback(() => {
    Promise.all([call('support.bankLoans', { year }), call('support.land', { year })]).then(([l, a]) => (setLoans(l), setLand(a)), onError);
    // `version` moves when the panel reloads (an import): read the lists again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [year, version, onError]);
  useEffect(reload, [reload]);
  // The office's totals as stored (not the loans' sums) fill the form.
  useEffect(() => {
    const b = props.bankFromLoans ? null : props.bank;
    setTotals({ projects: b?.projects == null ? '' : String(b.projects), credit: wanText(b?.credit), loans: wanText(b?.loans), balance: wanText(b?.balance) });
  }, [props.bank, props.bankFromLoans]);
  const off = props.readOnly;
  // The panel reloads the summary and, by `version`, these lists.
  const done = (status: string) => onChanged(status);
  const blank = (s: string) => (s.trim() === '' ? null : s);

  const saveTotals = () => {
    const n = totals.projects.trim();
    if (n && !/^\d+$/.test(n)) return onError(new Error(`支持项目“${n}”应为个数`));
    call('support.setBank', { year, projects: n ? Number(n) : null, credit: blank(totals.credit), loans: blank(totals.loans), balance: blank(totals.balance), unit: '万元' }).then(() => done('已保存银行支持合计'), onError);
  };
  const addLoan = () =>
    call('support.addBankLoan', { year, projectName: loan.projectName, bank: blank(loan.bank), credit: blank(loan.credit), loans: blank(loan.loans), balance: blank(loan.balance), unit: '万元' }).then(() => {
      setLoan({ projectName: '', bank: '', credit: '', loans: '', balance: '' });
      done(`已添加“${loan.projectName.trim()}”的银行支持`);
    }, onError);
  const addLand = () =>
    call('support.addLand', { year, area: area.area, projectName: blank(area.projectName), note: blank(area.note) }).then(() => {
      setArea({ projectName: '', area: '', note: '' });
      done(`已添加用地${area.area.trim()}亩`);
    }, onError);

  return (
    <div className="support-forms">
      <section data-testid="bank-form">
        <h4>银行支持（全市合计，金额单位：万元；不填则按下列项目合计）</h4>
        <div className="toolbar">
          <Field label="支持项目（个）" value={totals.projects} disabled={off} onChange={(v) => setTotals({ ...totals, projects: v })} />
          <Field label="授信额度（万元）" value={totals.credit} disabled={off} onChange={(v) => setTotals({ ...totals, credit: v })} />
          <Field label="累计发放贷款（万元）" value={totals.loans} disabled={off} onChange={(v) => setTotals({ ...totals, loans: v })} />
          <Field label="贷款余额（万元）" value={totals.balance} disabled={off} onChange={(v) => setTotals({ ...totals, balance: v })} />
          <button className="primary" disabled={off} onClick={saveTotals}>
            保存合计
          </button>
        </div>
      </section>
      <section data-testid="loan-form">
        <h4>项目贷款（{loans.length}笔）</h4>
        <div className="toolbar">
          <Field label="贷款项目名称" wide value={loan.projectName} disabled={off} onChange={(v) => setLoan({ ...loan, projectName: v })} />
          <Field label="贷款银行" value={loan.bank} disabled={off} onChange={(v) => setLoan({ ...loan, bank: v })} />
          <Field label="项目授信额度（万元）" value={loan.credit} disabled={off} onChange={(v) => setLoan({ ...loan, credit: v })} />
          <Field label="项目发放贷款（万元）" value={loan.loans} disabled={off} onChange={(v) => setLoan({ ...loan, loans: v })} />
          <Field label="项目贷款余额（万元）" value={loan.balance} disabled={off} onChange={(v) => setLoan({ ...loan, balance: v })} />
          <button disabled={off || !loan.projectName.trim()} onClick={() => void addLoan()}>
            添加贷款
          </button>
        </div>
        <ul data-testid="loan-list">
          {loans.map((l) => (
            <li key={l.id}>
              {`${l.projectName}${l.projectId === null ? '（未在清单中）' : ''}${l.bank ? `，${l.bank}` : ''}：授信${money(l.credit)}，发放${money(l.loans)}，余额${money(l.balance)}`}
              <button className="link" disabled={off} onClick={() => void call('support.removeBankLoan', { id: l.id }).then(() => done(`已删除“${l.projectName}”的贷款`), onError)}>
                删除
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section data-testid="land-form">
        <h4>用地保障（{land.length}宗）</h4>
        <div className="toolbar">
          <Field label="用地项目名称" wide value={area.projectName} disabled={off} onChange={(v) => setArea({ ...area, projectName: v })} />
          <Field label="解决用地（亩）" value={area.area} disabled={off} onChange={(v) => setArea({ ...area, area: v })} />
          <Field label="用地备注" wide value={area.note} disabled={off} onChange={(v) => setArea({ ...area, note: v })} />
          <button disabled={off || !area.area.trim()} onClick={() => void addLand()}>
            添加用地
          </button>
        </div>
        <ul data-testid="land-list">
          {land.map((l) => (
            <li key={l.id}>
              {`${l.projectName ?? '（未指明项目）'}${l.projectName && l.projectId === null ? '（未在清单中）' : ''}：${areaText(l.areaCentimu)}${l.note ? `，${l.note}` : ''}`}
              <button className="link" disabled={off} onClick={() => void call('support.removeLand', { id: l.id }).then(() => done('已删除该条用地'), onError)}>
                删除
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
