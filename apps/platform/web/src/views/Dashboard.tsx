import { lazy, Suspense, useEffect, useState } from 'react';
import { vacanciesPath, type ApiClient } from '../api';
import { CaseCharts, ChannelChart, SideBySideChart } from '../components/ChartsPanel';
import { FiguresPanel } from '../components/FiguresPanel';
import { FollowUpsPanel } from '../components/FollowUpsPanel';
import { LiveIndicator } from '../components/Header';
import { Panel } from '../components/Panel';
import { ExportButton } from '../components/people/ExportButton';
import { VacanciesList } from '../components/VacanciesList';
import { WorkList } from '../components/WorkList';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { areaName, countiesOfPrefecture, GUIZHOU_PREFECTURES, prefectureOfCounty } from '../regions';
import { readsOnly, type Session } from '../session';
import { areaLevel, useDashboardData } from '../use-dashboard-data';

// The map and its outlines load only where they are drawn: the province and the prefectures.
const GuizhouMap = lazy(() => import('../components/GuizhouMap'));

/** The area a session looks at unless it chose another: its county, else the province. */
export function defaultArea(session: Session): string {
  if (session.countyCode) return session.countyCode;
  if (session.prefectureCode) return session.prefectureCode;
  if (Array.isArray(session.counties) && session.counties.length > 0) return session.counties[0];
  return '520000';
}

/** Prefecture and county choice for those who see more than one county. */
function AreaPicker({ area, prefectureOnly }: { area: string; prefectureOnly?: string }) {
  const { t, lang } = useLang();
  const level = areaLevel(area);
  const prefecture =
    level === 'province' ? '' : level === 'prefecture' ? area : (prefectureOfCounty(area)?.code ?? '');
  const go = (code: string) => navigate({ page: 'dashboard', area: code });
  return (
    <div className="area-picker">
      <label>
        {t.prefecture}
        <select value={prefecture} onChange={(e) => go(e.target.value || '520000')}>
          {!prefectureOnly && <option value="">{t.province}</option>}
          {GUIZHOU_PREFECTURES.filter((p) => !prefectureOnly || p.code === prefectureOnly).map((p) => (
            <option key={p.code} value={p.code}>
              {areaName(p.code, lang)}
            </option>
          ))}
        </select>
      </label>
      {prefecture && (
        <label>
          {t.county}
          <select value={level === 'county' ? area : ''} onChange={(e) => go(e.target.value || prefecture)}>
            <option value="">{t.allCounties}</option>
            {countiesOfPrefecture(prefecture).map((c) => (
              <option key={c.code} value={c.code}>
                {areaName(c.code, lang)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** Re-renders every minute so ages and warnings move on while the page stays open all day. */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function Dashboard({ api, session, area }: { api: ApiClient; session: Session; area: string }) {
  const { t, lang } = useLang();
  const watchOnly = readsOnly(session);
  // The live stream is the county office's (and admin's); a prefecture office reads the lists on load.
  const data = useDashboardData(api, area, !watchOnly);
  const clock = useNow();
  const nowMs = Math.max(clock, data.updatedAt);
  const level = areaLevel(area);
  const canChoose = session.role !== 'county_office';
  const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeStyle: 'medium' });
  return (
    <main className="dashboard">
      <div className="area-bar">
        <h2 className="area-name" data-area={area}>
          {areaName(area, lang)}
        </h2>
        {canChoose && <AreaPicker area={area} prefectureOnly={session.prefectureCode} />}
        <span className="spacer" />
        {level === 'county' && !watchOnly && <LiveIndicator state={data.live} />}
        <span className="muted updated">
          {t.updated} {time.format(data.updatedAt)}
        </span>
      </div>
      <Panel title={t.glance} state={data.figures} className="wide figures-card">
        {(figures) => <FiguresPanel figures={figures} area={area} />}
      </Panel>
      <div className="grid">
        {level === 'county' && (
          <WorkList
            api={api}
            county={area}
            // The colours are the platform's at reading time: read again on live events and every 5 minutes.
            refreshKey={`${data.updatedAt}:${Math.floor(clock / 300_000)}`}
            nowMs={nowMs}
            openTotal={data.openCases.status === 'ok' ? data.openCases.data.length : undefined}
            watchOnly={watchOnly}
          />
        )}
        {level === 'county' && !watchOnly && (
          <FollowUpsPanel api={api} county={area} refreshKey={data.updatedAt} />
        )}
        {data.figures.status === 'ok' && <ChannelChart figures={data.figures.data} />}
        {level === 'county' && (
          <CaseCharts
            open={data.openCases}
            cleared={data.clearedCases}
            liveSeries={data.liveSeries}
            nowMs={nowMs}
          />
        )}
        {level !== 'county' && (
          <Suspense fallback={null}>
            <GuizhouMap area={area} level={level} parts={data.parts} />
          </Suspense>
        )}
        {level !== 'county' && <SideBySideChart parts={data.parts} level={level} />}
        <Panel
          title={t.vacancies}
          state={data.localVacancies}
          extra={
            <ExportButton
              fetchFile={() =>
                api.exportXlsx(
                  vacanciesPath({ county: level === 'county' ? area : undefined, status: 'open' }),
                )
              }
              filename={`空缺岗位-${area}.xlsx`}
            />
          }
        >
          {(items) => <VacanciesList items={items} />}
        </Panel>
        <Panel title={t.stationPostings} state={data.stationVacancies}>
          {(items) => <VacanciesList items={items} />}
        </Panel>
      </div>
    </main>
  );
}
