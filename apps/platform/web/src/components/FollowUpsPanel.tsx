import { useState } from 'react';
import { followUpsPath, readOwnWrite, type ApiClient } from '../api';
import { useLang } from '../i18n';
import { formatDay } from '../time';
import { useLoad } from '../use-load';
import { FollowUpForm } from './FollowUpForm';
import { ErrorNote } from './Panel';
import { ExportButton } from './people/ExportButton';

/**
 * Follow-up visits due (稳岗: 1, 3 and 6 months after a placement), with a record for each. A platform that does
 * not offer them yet (404) shows nothing here.
 */
export function FollowUpsPanel({
  api,
  county,
  refreshKey,
}: {
  api: ApiClient;
  county: string;
  refreshKey: number;
}) {
  const { t, lang } = useLang();
  const [read, setRead] = useState<{ n: number; position?: string }>({ n: 0 });
  const [editing, setEditing] = useState<string | undefined>();
  const [absent, setAbsent] = useState(false);
  // Reloaded with the county's live events, unless the platform said it has no follow-ups (then not again).
  const state = useLoad(
    (signal) =>
      absent
        ? Promise.resolve(undefined)
        : readOwnWrite(() => api.followUpsDue(county, signal, read.position)).then((due) => {
            if (due === undefined) setAbsent(true);
            return due;
          }),
    absent ? `${county}#absent` : `${county}#${read.n}#${refreshKey}`,
    true,
  );
  if (state.status === 'loading' || (state.status === 'ok' && state.data === undefined)) return null;
  const onRecorded = (position?: string) => {
    setEditing(undefined);
    setRead((r) => ({ n: r.n + 1, position: position ?? r.position }));
  };
  return (
    <section className="card follow-ups" data-testid="follow-ups">
      <div className="card-head">
        <h2>{t.followUpsTitle}</h2>
        {state.status === 'ok' && state.data && (
          <span className="count">
            {t.total} {state.data.total}
          </span>
        )}
        <ExportButton
          fetchFile={() => api.exportXlsx(followUpsPath(county))}
          filename={`稳岗回访-${county}.xlsx`}
        />
      </div>
      {state.status === 'error' && <ErrorNote error={state.error} />}
      {state.status === 'ok' && state.data && state.data.items.length === 0 && (
        <p className="all-clear">{t.noFollowUps}</p>
      )}
      {state.status === 'ok' && state.data && state.data.items.length > 0 && (
        <ul className="follow-up-list">
          {state.data.items.map((item) => (
            <li key={`${item.placementId}:${item.followUp}`} data-placement={item.placementId}>
              <div className="follow-up-line">
                <strong>{item.workerName}</strong>
                <span className="badge">{t.followUpN(item.followUp)}</span>
                <span className="muted small">
                  {t.channel[item.channel]} · {t.startedOn} {formatDay(item.startDate, lang)} · {t.dueOn}{' '}
                  {formatDay(item.dueAt, lang)}
                </span>
                {daysLate(item.dueAt) > 0 && (
                  <strong className="error small" data-testid="overdue">
                    {t.overdueDays(daysLate(item.dueAt))}
                  </strong>
                )}
                {editing !== item.placementId && (
                  <button
                    type="button"
                    className="secondary small-button"
                    onClick={() => setEditing(item.placementId)}
                  >
                    {t.recordFollowUp}
                  </button>
                )}
              </div>
              {editing === item.placementId && (
                <FollowUpForm
                  api={api}
                  item={item}
                  onRecorded={onRecorded}
                  onCancel={() => setEditing(undefined)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since a visit fell due (0 on its day): how late the office is with it. */
const daysLate = (dueAt: string): number => Math.floor((Date.now() - Date.parse(dueAt)) / DAY_MS);
