import { useState } from 'react';
import type { ApiClient } from '../api';
import { moneyApi } from '../api-money';
import { TransportLedger } from '../components/money/TransportLedger';
import { TransportRates } from '../components/money/TransportRates';
import { WelfarePayroll } from '../components/money/WelfarePayroll';
import { useLang } from '../i18n';
import { moneyWords } from '../i18n-money';
import { areaName, countiesOfPrefecture } from '../regions';
import type { Session } from '../session';
import { useLoad } from '../use-load';
import { Back } from './People';

/**
 * The county office's money: the transport-subsidy ledger it claims, reviews and pays, the rates an approval
 * fixes, and the public-welfare payroll of a month. A prefecture office reads its counties' ledgers and rates,
 * and acts on none (the welfare payroll is the county's alone).
 */
export function SubsidiesPage({ api, session }: { api: ApiClient; session: Session }) {
  const { lang } = useLang();
  const w = moneyWords(lang);
  const counties =
    session.role === 'prefecture_office' && session.prefectureCode
      ? countiesOfPrefecture(session.prefectureCode)
      : [];
  const [chosen, setChosen] = useState(() => counties[0]?.code);
  const county = session.role === 'county_office' ? session.countyCode : chosen;
  if (!county) {
    return (
      <main className="detail">
        <Back />
        <p className="card muted">{w.countyOfficeOnly}</p>
      </main>
    );
  }
  const canAct = session.role === 'county_office';
  return (
    <main className="detail subsidies-page">
      <Back />
      <h2 className="area-name">
        {w.moneyTitle} · {areaName(county, lang)}
      </h2>
      {counties.length > 0 && (
        <label className="county-choice">
          {w.county}{' '}
          <select value={county} onChange={(e) => setChosen(e.target.value)}>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>
                {areaName(c.code, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
      <CountyMoney key={county} api={api} session={session} county={county} canAct={canAct} />
    </main>
  );
}

function CountyMoney({
  api,
  session,
  county,
  canAct,
}: {
  api: ApiClient;
  session: Session;
  county: string;
  canAct: boolean;
}) {
  const { lang } = useLang();
  const w = moneyWords(lang);
  const money = moneyApi(session.token);
  const [ratesVersion, setRatesVersion] = useState(0);
  const rates = useLoad((signal) => money.subsidyRates(county, signal), `${county}:${ratesVersion}`, true);
  return (
    <>
      <TransportLedger
        api={api}
        money={money}
        county={county}
        rates={rates.status === 'ok' ? rates.data : undefined}
        canAct={canAct}
        w={w}
      />
      <TransportRates
        state={rates}
        money={money}
        county={county}
        canAct={canAct}
        onSaved={() => setRatesVersion((v) => v + 1)}
        w={w}
      />
      {canAct && <WelfarePayroll api={api} money={money} county={county} w={w} />}
    </>
  );
}
