import { useState } from 'react';
import { breakdownApi } from '../../api-reports';
import { formatCount, useLang } from '../../i18n';
import type { ReportWords } from '../../i18n-reports';
import { useLoad } from '../../use-load';
import { Panel } from '../Panel';
import { ExportButton } from '../people/ExportButton';

type By = 'sites' | 'stations' | 'workshops';
type Api = ReturnType<typeof breakdownApi>;

/** The county's figures now, by relocation site, labour station and workshop: one table at a time. */
export function Breakdowns({ token, county, w }: { token: string; county: string; w: ReportWords }) {
  const api = breakdownApi(token);
  const [by, setBy] = useState<By>('sites');
  const b = w.breakdown;
  return (
    <section className="card wide" data-testid="breakdowns">
      <div className="card-head">
        <h2>{b.title}</h2>
        <ExportButton
          fetchFile={() => api.sheet(county, by)}
          filename={`${b[by]}-${county}.xlsx`}
          label={w.exportSheet}
        />
      </div>
      <p className="hint">{b.hint}</p>
      <div className="tabs" role="tablist">
        {(['sites', 'stations', 'workshops'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={by === tab}
            className={by === tab ? 'tab active' : 'tab secondary'}
            onClick={() => setBy(tab)}
          >
            {b[tab]}
          </button>
        ))}
      </div>
      {by === 'sites' && <Sites api={api} county={county} w={w} />}
      {by === 'stations' && <Stations api={api} county={county} w={w} />}
      {by === 'workshops' && <Workshops api={api} county={county} w={w} />}
    </section>
  );
}

function Sites({ api, county, w }: { api: Api; county: string; w: ReportWords }) {
  const { lang } = useLang();
  const b = w.breakdown;
  const view = useLoad((signal) => api.sites(county, signal), `sites:${county}`);
  const n = (v: number) => formatCount(v, lang);
  return (
    <Panel title={b.sites} state={view} className="flat">
      {(data) =>
        data.items.length === 0 ? (
          <p className="muted">{b.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="ledger" data-testid="site-report">
              <thead>
                <tr>
                  <th>{b.site}</th>
                  <th className="num">{b.households}</th>
                  <th className="num">{b.zero}</th>
                  <th className="num wide-only">{b.labour}</th>
                  <th className="num">{b.employed}</th>
                  <th className="num wide-only">{b.openCases}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.siteId}>
                    <td>{s.siteName ?? s.siteId}</td>
                    <td className="num">{n(s.households)}</td>
                    <td className="num">{n(s.zeroEmploymentHouseholds)}</td>
                    <td className="num wide-only">{n(s.labourCapableWorkers)}</td>
                    <td className="num">{n(s.employedWorkers)}</td>
                    <td className="num wide-only">{n(s.openCases)}</td>
                  </tr>
                ))}
                <tr className="key-figure">
                  <td>{b.total}</td>
                  <td className="num">{n(data.totals.households)}</td>
                  <td className="num">{n(data.totals.zeroEmploymentHouseholds)}</td>
                  <td className="num wide-only">{n(data.totals.labourCapableWorkers)}</td>
                  <td className="num">{n(data.totals.employedWorkers)}</td>
                  <td className="num wide-only">{n(data.totals.openCases)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        )
      }
    </Panel>
  );
}

function Stations({ api, county, w }: { api: Api; county: string; w: ReportWords }) {
  const b = w.breakdown;
  const view = useLoad((signal) => api.stations(county, signal), `stations:${county}`);
  return (
    <Panel title={b.stations} state={view} className="flat">
      {(data) =>
        data.items.length === 0 ? (
          <p className="muted">{b.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="ledger" data-testid="station-report">
              <thead>
                <tr>
                  <th>{b.station}</th>
                  <th className="num">{b.placements}</th>
                  <th className="num">{b.retained3}</th>
                  <th className="num">{b.retained6}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.stationId}>
                    <td>{s.stationName ?? s.stationId}</td>
                    <td className="num">{s.placements}</td>
                    <td className="num">{b.retainedOf(s.retainedAt3, s.eligibleAt3, s.retentionRateAt3)}</td>
                    <td className="num">{b.retainedOf(s.retainedAt6, s.eligibleAt6, s.retentionRateAt6)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </Panel>
  );
}

function Workshops({ api, county, w }: { api: Api; county: string; w: ReportWords }) {
  const b = w.breakdown;
  const view = useLoad((signal) => api.workshops(county, signal), `workshops:${county}`);
  return (
    <Panel title={b.workshops} state={view} className="flat">
      {(data) =>
        data.items.length === 0 ? (
          <p className="muted">{b.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="ledger" data-testid="workshop-report">
              <thead>
                <tr>
                  <th>{b.workshop}</th>
                  <th className="num">{b.employedNow}</th>
                  <th className="num">{b.fromCounty}</th>
                  <th className="num wide-only">{b.placements}</th>
                  <th className="num wide-only">{b.ended}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.workshopId}>
                    <td>
                      {s.workshopName ?? s.workshopId}
                      {s.decertified && <span className="badge"> {b.decertified}</span>}
                    </td>
                    <td className="num">{s.employedNow}</td>
                    <td className="num">{s.employedNowFromCounty}</td>
                    <td className="num wide-only">{s.placements}</td>
                    <td className="num wide-only">{s.ended}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </Panel>
  );
}
