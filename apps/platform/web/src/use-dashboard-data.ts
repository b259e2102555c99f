import { useCallback, useEffect, useRef, useState } from 'react';
import { allCases, ApiError, type ApiClient } from './api';
import type { EmploymentFigures, VacancyView, ZeroEmploymentCase } from './api-types';
import { useEventStream, type LiveState } from './live-stream';
import { countiesOfPrefecture, GUIZHOU_PREFECTURES } from './regions';

export type Loadable<T> =
  { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: Error };

export type AreaLevel = 'province' | 'prefecture' | 'county';
export const areaLevel = (code: string): AreaLevel =>
  code === '520000' ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';

export interface SideBySide {
  readonly code: string;
  readonly figures?: EmploymentFigures;
}

export interface DashboardData {
  figures: Loadable<EmploymentFigures>;
  openCases: Loadable<ZeroEmploymentCase[]>;
  clearedCases: Loadable<ZeroEmploymentCase[]>;
  localVacancies: Loadable<VacancyView[]>;
  stationVacancies: Loadable<VacancyView[]>;
  parts: Loadable<SideBySide[]>;
  /** Open-case counts seen on the live stream during this visit: the chart's newest points. */
  liveSeries: { at: number; open: number }[];
  live: LiveState;
  updatedAt: number;
}

const loading = { status: 'loading' } as const;
const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** Loads what the dashboard shows for an area, and reloads the county's figures and cases on live events. */
export function useDashboardData(api: ApiClient, area: string, live = true): DashboardData {
  const level = areaLevel(area);
  const [figures, setFigures] = useState<Loadable<EmploymentFigures>>(loading);
  const [openCases, setOpen] = useState<Loadable<ZeroEmploymentCase[]>>(loading);
  const [clearedCases, setCleared] = useState<Loadable<ZeroEmploymentCase[]>>(loading);
  const [localVacancies, setLocal] = useState<Loadable<VacancyView[]>>(loading);
  const [stationVacancies, setStation] = useState<Loadable<VacancyView[]>>(loading);
  const [parts, setParts] = useState<Loadable<SideBySide[]>>(loading);
  const [liveSeries, setLiveSeries] = useState<{ at: number; open: number }[]>([]);
  const [updatedAt, setUpdatedAt] = useState(() => Date.now());

  const load = <T>(promise: Promise<T>, set: (l: Loadable<T>) => void) =>
    promise.then(
      (data) => set({ status: 'ok', data }),
      (e: unknown) => {
        if (!isAbort(e)) set({ status: 'error', error: asError(e) });
      },
    );

  /** The parts that change with households' employment: figures and cases. */
  const refreshCounty = useCallback(
    async (signal?: AbortSignal) => {
      const figuresRequest: Promise<EmploymentFigures> =
        level === 'county'
          ? api.county(area, signal)
          : level === 'prefecture'
            ? api.prefecture(area, signal)
            : api.province(signal);
      await Promise.all([
        load(figuresRequest, (l) => {
          setFigures(l);
          if (l.status === 'ok' && level === 'county') {
            setLiveSeries((s) =>
              [...s, { at: Date.now(), open: l.data.zeroEmploymentHouseholds }].slice(-500),
            );
          }
        }),
        level === 'county'
          ? load(
              allCases(api, area, 'open', signal).then((r) => r.items),
              setOpen,
            )
          : null,
        level === 'county'
          ? load(
              allCases(api, area, 'cleared', signal).then((r) => r.items),
              setCleared,
            )
          : null,
      ]);
      setUpdatedAt(Date.now());
    },
    [api, area, level],
  );

  useEffect(() => {
    const abort = new AbortController();
    setFigures(loading);
    setOpen(loading);
    setCleared(loading);
    setParts(loading);
    setLiveSeries([]);
    void refreshCounty(abort.signal);
    const county = level === 'county' ? area : undefined;
    load(
      api
        .vacancies({ county: county ?? undefined, status: 'open', limit: 50 }, abort.signal)
        .then((r) =>
          r.items.filter((v) => v.source.type !== 'labour_station' || v.location.countyCode === county),
        ),
      setLocal,
    );
    load(
      api
        .vacancies({ source: 'labour_station', status: 'open', limit: 50 }, abort.signal)
        .then((r) => r.items),
      setStation,
    );
    const codes =
      level === 'province'
        ? GUIZHOU_PREFECTURES.map((p) => p.code)
        : level === 'prefecture'
          ? countiesOfPrefecture(area).map((c) => c.code)
          : [];
    const fetchPart = (code: string) =>
      (level === 'province' ? api.prefecture(code, abort.signal) : api.county(code, abort.signal)).then(
        (figures): SideBySide => ({ code, figures }),
        (e: unknown): SideBySide => {
          if (isAbort(e) || (e instanceof ApiError && e.status < 500)) return { code };
          throw e;
        },
      );
    load(Promise.all(codes.map(fetchPart)), setParts);
    return () => abort.abort();
  }, [api, area, level]);

  // Events come in bursts (a placement changes several projections): one reload per burst.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onEvent = useCallback(
    (data: unknown) => {
      // A change carries the county's figures after it: show them at once, then reload the cases.
      const figures = (data as { figures?: EmploymentFigures } | null)?.figures;
      if (level === 'county' && figures && typeof figures.householdsWithLabour === 'number') {
        setFigures({ status: 'ok', data: figures });
        setLiveSeries((s) => [...s, { at: Date.now(), open: figures.zeroEmploymentHouseholds }].slice(-500));
      }
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => void refreshCounty(), 250);
    },
    [refreshCounty, level],
  );
  useEffect(() => () => clearTimeout(pending.current), []);
  const stream = useEventStream(level === 'county' && live ? api.streamUrl(area) : undefined, onEvent);

  return {
    figures,
    openCases,
    clearedCases,
    localVacancies,
    stationVacancies,
    parts,
    liveSeries,
    live: stream,
    updatedAt,
  };
}
