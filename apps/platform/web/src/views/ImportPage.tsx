import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api';
import { Link } from '../components/Link';
import { ErrorNote } from '../components/Panel';
import { ExportButton } from '../components/people/ExportButton';
import { useLang } from '../i18n';
import type { ImportMode, ImportProgress, ImportResult } from '../people-types';
import { areaName } from '../regions';
import type { Session } from '../session';
import { Back } from './People';

/** An import's id (the progress is asked by it); crypto.randomUUID needs a secure context, this does not. */
function newImportId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Polls the import's progress while it runs (a large ledger takes tens of seconds). */
function useProgress(api: ApiClient, importId: string | undefined): ImportProgress | undefined {
  const [progress, setProgress] = useState<ImportProgress | undefined>();
  useEffect(() => {
    setProgress(undefined);
    if (!importId) return;
    const abort = new AbortController();
    const tick = () =>
      api.importProgress(importId, abort.signal).then(
        (p) => abort.signal.aborted || setProgress(p),
        // Not started yet (404), or a lost poll: the next one tells.
        () => undefined,
      );
    const timer = setInterval(tick, 500);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [api, importId]);
  return progress;
}

function Rejections({ result }: { result: ImportResult }) {
  const { t } = useLang();
  if (result.rejected.length === 0) return null;
  return (
    <>
      <h3>{t.rejectedTitle}</h3>
      <div className="table-scroll">
        <table className="rejections" data-testid="rejected">
          <thead>
            <tr>
              <th className="num">{t.colRow}</th>
              <th>{t.colColumn}</th>
              <th>{t.colReason}</th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.map((r, i) => (
              <tr key={i}>
                <td className="num">{r.row}</td>
                <td>{r.column}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Result({ result, mode }: { result: ImportResult; mode: ImportMode }) {
  const { t } = useLang();
  const already = result.alreadyRegistered ?? [];
  const nothing = mode === 'all_or_nothing' && result.rejected.length > 0;
  return (
    <section className="card" data-testid="import-result">
      <h2>{t.importResult}</h2>
      <p className={nothing ? 'error' : 'all-clear'}>
        {nothing ? t.nothingImportedAllOrNothing : t.importedN(result.imported, result.importedPeople)}
      </p>
      {result.rejected.length > 0 && <p className="muted">{t.rejectedN(result.rejected.length)}</p>}
      {already.length > 0 && (
        <p className="muted" data-testid="already">
          {t.alreadyRegisteredN(already.length)}（{t.colRow} {already.map((a) => a.row).join('、')}）
        </p>
      )}
      <Rejections result={result} />
      <p>
        <Link to={{ page: 'search', q: '' }}>{t.viewImported}</Link>
      </p>
    </section>
  );
}

/** The county office's ledger import: the template, the upload, the progress, the rows refused and why. */
export function ImportPage({ api, session }: { api: ApiClient; session: Session }) {
  const { t, lang } = useLang();
  const county = session.role === 'county_office' ? session.countyCode : undefined;
  const [file, setFile] = useState<File | undefined>();
  const [mode, setMode] = useState<ImportMode>('valid_rows');
  const [importId, setImportId] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<
    { result: ImportResult; mode: ImportMode } | { error: Error } | undefined
  >();
  const progress = useProgress(api, importId);
  if (!county) {
    return (
      <main className="detail">
        <Back />
        <p className="card muted">{t.countyOfficeOnly}</p>
      </main>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setOutcome({ error: new Error(t.noFile) });
    const id = newImportId();
    setOutcome(undefined);
    setImportId(id);
    try {
      setOutcome({ result: await api.importHouseholds(county, file, mode, id), mode });
    } catch (error) {
      setOutcome({ error: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      setImportId(undefined);
    }
  };
  const running = importId !== undefined;
  return (
    <main className="detail import-page">
      <Back />
      <section className="card">
        <h2>
          {t.importTitle} · {areaName(county, lang)}
        </h2>
        <p className="hint">{t.importHint}</p>
        <p>
          <ExportButton
            fetchFile={() => api.importTemplate(county)}
            filename="搬迁户台账导入模板.xlsx"
            label={t.downloadTemplate}
          />
        </p>
        <form className="import-form" onSubmit={submit}>
          {/* The browser's own file button speaks the browser's language: ours says it in the page's. */}
          <div className="file-field">
            <span>{t.chooseFile}</span>
            <label className="file-pick">
              <input
                type="file"
                name="file"
                className="sr-only"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.target.files?.[0])}
              />
              <span className="button-like">{t.pickFile}</span>
              <span className={file ? '' : 'muted'}>{file?.name ?? t.noFileChosen}</span>
            </label>
          </div>
          <fieldset className="modes">
            <legend>{t.importMode}</legend>
            {(['valid_rows', 'all_or_nothing'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {m === 'valid_rows' ? t.modeValidRows : t.modeAllOrNothing}
              </label>
            ))}
          </fieldset>
          <button type="submit" disabled={running}>
            {running ? t.importing : t.startImport}
          </button>
        </form>
        {running && (
          <div className="import-progress" data-testid="import-progress">
            <progress max={progress?.totalRows || 1} value={progress?.processedRows ?? 0} />
            <span className="muted">
              {progress ? t.progress(progress.processedRows, progress.totalRows) : t.importing}
            </span>
          </div>
        )}
        {outcome && 'error' in outcome && <ImportError error={outcome.error} />}
      </section>
      {outcome && 'result' in outcome && <Result result={outcome.result} mode={outcome.mode} />}
    </main>
  );
}

/** A refused file (not an .xlsx, empty, too large): the platform's message, in its words. */
function ImportError({ error }: { error: Error }) {
  if (error instanceof ApiError && (error.status === 400 || error.status === 413)) {
    return (
      <p className="error" role="alert" data-error={error.code}>
        {error.message}
      </p>
    );
  }
  return <ErrorNote error={error} />;
}
