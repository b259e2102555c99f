import { guizhouYear } from '../../guizhou-dates';
import { useState } from 'react';
import type { ApiClient } from '../../api';
import {
  transportSubsidiesPath,
  type moneyApi,
  type SubsidyStatus,
  type TransportSubsidyRates,
} from '../../api-money';
import type { MoneyWords } from '../../i18n-money';
import { useLoad } from '../../use-load';
import { ExportButton } from '../people/ExportButton';
import { Panel } from '../Panel';
import { LedgerRow } from './LedgerRow';

const STATUSES: readonly SubsidyStatus[] = ['eligible', 'claimed', 'approved', 'rejected', 'paid'];
type Money = ReturnType<typeof moneyApi>;

/**
 * The county's transport-subsidy ledger (台账): each worker's subsidy of the year with its status and amounts,
 * the totals, and — for the office that may act — the step each line waits for, in a form under the line.
 */
export function TransportLedger({
  api,
  money,
  county,
  rates,
  canAct,
  w,
}: {
  api: ApiClient;
  money: Money;
  county: string;
  rates: TransportSubsidyRates | undefined;
  canAct: boolean;
  w: MoneyWords;
}) {
  const [status, setStatus] = useState<SubsidyStatus | undefined>();
  const [year, setYear] = useState<number>(() => guizhouYear());
  const [open, setOpen] = useState<string | undefined>();
  // The position the last command answered: the reload waits until the ledger shows it (read-your-writes).
  const [written, setWritten] = useState<string | undefined>();
  const ledger = useLoad(
    (signal) => money.transportSubsidies(county, { status, year }, signal, written),
    `${county}:${status}:${year}:${written}`,
    // The filters are drawn with the data: keep it on screen while another year or status loads.
    true,
  );
  const done = (position: string) => {
    setOpen(undefined);
    setWritten(position);
  };
  return (
    <Panel
      title={w.transportTitle}
      state={ledger}
      className="wide"
      extra={
        <ExportButton
          fetchFile={() => api.exportXlsx(transportSubsidiesPath(county, { status, year }))}
          filename={`交通补贴台账-${county}-${year}.xlsx`}
          label={w.exportSheet}
        />
      }
    >
      {(data) => (
        <>
          <p className="hint">{w.transportHint}</p>
          <div className="filters">
            <label>
              {w.year}{' '}
              <input
                type="number"
                min={2016}
                max={2100}
                value={year}
                onChange={(e) => setYear(Number(e.target.value) || year)}
                style={{ width: '6em' }}
              />
            </label>{' '}
            <select
              aria-label={w.allStatuses}
              value={status ?? ''}
              onChange={(e) => setStatus((e.target.value || undefined) as SubsidyStatus | undefined)}
            >
              <option value="">{w.allStatuses}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {w.status[s]}
                </option>
              ))}
            </select>
          </div>
          <p
            data-testid="transport-totals"
            data-claimed={data.totals.claimed.count}
            data-approved-yuan={data.totals.approved.yuan}
            data-paid-yuan={data.totals.paid.yuan}
          >
            {w.totalsLine({
              eligible: data.totals.eligible.count,
              claimed: data.totals.claimed.count,
              approvedYuan: data.totals.approved.yuan,
              paidYuan: data.totals.paid.yuan,
            })}
          </p>
          {data.items.length < data.total && (
            <p className="hint" data-testid="transport-cut">
              {w.cutNote(data.items.length, data.total)}
            </p>
          )}
          {data.items.length === 0 ? (
            <p className="muted">{w.noSubsidies}</p>
          ) : (
            <div className="table-scroll">
              <table className="ledger transport-ledger" data-testid="transport-subsidies">
                <thead>
                  <tr>
                    <th>{w.worker}</th>
                    <th className="wide-only">{w.year}</th>
                    <th>{w.destination}</th>
                    <th className="wide-only">{w.travelDate}</th>
                    <th className="num">{w.amount}</th>
                    <th className="wide-only">{w.paidAt}</th>
                    <th>{w.statusColumn}</th>
                    {canAct && <th className="actions">{w.actions}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((s) => (
                    <LedgerRow
                      key={s.subsidyId}
                      line={s}
                      money={money}
                      rates={rates}
                      canAct={canAct}
                      open={open === s.subsidyId}
                      onToggle={() => setOpen(open === s.subsidyId ? undefined : s.subsidyId)}
                      onDone={done}
                      w={w}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
