import { casesPath, type ApiClient, type CaseFilters } from '../api';
import type { CaseWarning } from '../api-types';
import { formatCount, useLang } from '../i18n';
import { useCaseFilters, useCaseList } from '../use-case-list';
import { useLoad } from '../use-load';
import { CaseRows } from './CaseRows';
import { ExportButton } from './people/ExportButton';
import { ErrorNote } from './Panel';
import { WARNINGS, WarningBadge, WarningLegend } from './Warning';

function Chip({
  on,
  onClick,
  children,
  name,
}: {
  on: boolean;
  onClick(): void;
  children: React.ReactNode;
  name: string;
}) {
  return (
    <button
      type="button"
      className={`chip${on ? ' on' : ''}`}
      aria-pressed={on}
      data-filter={name}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** Open or cleared; overdue; unassigned or mine; one colour. Each press toggles. */
function Filters({
  filters,
  set,
  openTotal,
}: {
  filters: CaseFilters;
  set(f: CaseFilters): void;
  openTotal?: number;
}) {
  const { t } = useLang();
  const toggle = (patch: Partial<CaseFilters>, on: boolean) => {
    const next: Record<string, unknown> = { ...filters };
    for (const [k, v] of Object.entries(patch)) next[k] = on ? undefined : v;
    set(next as unknown as CaseFilters);
  };
  /** The chip of one filter: on while the filters hold `patch`; a press sets it, or clears it when on. */
  const chip = (name: string, patch: Partial<CaseFilters>, label: React.ReactNode) => {
    const on = Object.entries(patch).every(([k, v]) => filters[k as keyof CaseFilters] === v);
    return (
      <Chip key={name} name={name} on={on} onClick={() => toggle(patch, on)}>
        {label}
      </Chip>
    );
  };
  const open = filters.status === 'open';
  return (
    <div className="filters">
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={open}
          className={open ? 'on' : ''}
          onClick={() => set({ ...filters, status: 'open' })}
          data-tab="open"
        >
          {t.tabOpen}
          {openTotal !== undefined && <span className="tab-count">{openTotal}</span>}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={!open}
          className={open ? '' : 'on'}
          onClick={() => set({ ...filters, status: 'cleared', overdue: undefined })}
          data-tab="cleared"
        >
          {t.tabCleared}
        </button>
      </div>
      <div className="chips">
        {open && chip('overdue', { overdue: true }, t.filterOverdue)}
        {chip('unassigned', { assignee: 'none' }, t.filterUnassigned)}
        {chip('mine', { assignee: 'me' }, t.filterMine)}
        {WARNINGS.map((w: CaseWarning) => chip(w, { warning: w }, <WarningBadge warning={w} />))}
      </div>
    </div>
  );
}

/**
 * The county's work list (平台预警 → 基层核实 → 快速响应): its cases most urgent first, each with its colour, head
 * of household, cadre, age, deadlines, measures and last action, and the way into the case.
 */
export function WorkList({
  api,
  county,
  refreshKey,
  nowMs,
  openTotal,
  watchOnly = false,
}: {
  api: ApiClient;
  county: string;
  refreshKey: string;
  nowMs: number;
  openTotal?: number;
  /** A prefecture office: each case is to view, not to handle. */
  watchOnly?: boolean;
}) {
  const { t, lang } = useLang();
  const [filters, setFilters] = useCaseFilters();
  const { state, loadMore } = useCaseList(api, county, filters, refreshKey);
  const deadlines = useLoad((signal) => api.deadlines(county, signal), county);
  const allOpen = filters.status === 'open' && !filters.assignee && !filters.warning && !filters.overdue;
  return (
    <section className="card wide worklist-card" data-testid="worklist">
      <div className="card-head">
        <h2>{t.workbench}</h2>
        {state.status === 'ok' && (
          <span className="count" data-testid="list-count">
            {t.total} {formatCount(state.data.total, lang)}
          </span>
        )}
        <ExportButton
          // The sheet holds the cases under the filters on screen, every page of them.
          fetchFile={() => api.exportXlsx(casesPath(county, filters))}
          filename={`零就业家庭-${county}.xlsx`}
        />
      </div>
      <p className="hint">
        {deadlines.status === 'ok'
          ? t.countyDeadlines(deadlines.data.assistWithinDays, deadlines.data.clearWithinDays)
          : t.casesHint}
      </p>
      <WarningLegend />
      <Filters filters={filters} set={setFilters} openTotal={openTotal} />
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <ErrorNote error={state.error} />}
      {state.status === 'ok' &&
        (state.data.items.length === 0 ? (
          <p className={allOpen ? 'all-clear' : 'muted'}>{allOpen ? t.noCases : t.noMatching}</p>
        ) : (
          <>
            <CaseRows
              items={state.data.items}
              status={filters.status}
              nowMs={nowMs}
              county={county}
              watchOnly={watchOnly}
            />
            <div className="list-foot">
              <span className="muted">{t.shownOf(state.data.items.length, state.data.total)}</span>
              {state.data.more && (
                <button type="button" className="secondary" onClick={loadMore}>
                  {t.loadMore}
                </button>
              )}
            </div>
          </>
        ))}
    </section>
  );
}
