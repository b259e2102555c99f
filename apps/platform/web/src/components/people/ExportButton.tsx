import { useState } from 'react';
import { saveFile, type DownloadedFile } from '../../http';
import { useLang } from '../../i18n';

/**
 * Downloads a list as an .xlsx through the bearer token (a plain link cannot carry it): fetched as a blob,
 * then handed to the browser's save.
 */
export function ExportButton({
  fetchFile,
  filename,
  label,
  className,
}: {
  fetchFile(): Promise<DownloadedFile>;
  filename: string;
  label?: string;
  className?: string;
}) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | undefined>();
  const run = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      saveFile(await fetchFile(), filename);
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className={`export ${className ?? ''}`}>
      <button
        type="button"
        className="secondary export-button"
        onClick={run}
        disabled={busy}
        data-export={filename}
      >
        {busy ? t.exporting : (label ?? t.exportExcel)}
      </button>
      {failed && (
        <span className="error small" role="alert">
          {t.exportFailed}: {failed}
        </span>
      )}
    </span>
  );
}
