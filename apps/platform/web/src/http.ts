/**
 * The platform's HTTP conventions: a bearer token on every call, the error body's code and field issues,
 * read-your-writes by X-Min-Position, and files (xlsx) both ways.
 */
export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/** An answer other than 2xx, with the error code and field issues of the platform's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

/** What every command answers: the record's id and the log position to read one's own write at. */
export interface Recorded {
  readonly recordId?: string;
  readonly position: string;
}

export async function errorOf(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText;
  let issues: ApiIssue[] = [];
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; issues?: ApiIssue[] };
    };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    issues = Array.isArray(body.error?.issues) ? body.error.issues : [];
  } catch {
    // Not JSON (e.g. a proxy's page): keep the status.
  }
  return new ApiError(res.status, code, message, issues);
}

interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly body?: unknown;
  /** A file as the body, sent as it is (an .xlsx upload), instead of JSON. */
  readonly file?: { readonly data: Blob; readonly contentType: string };
  readonly signal?: AbortSignal;
  /** Read-your-writes: the platform answers once its projections have applied this position. */
  readonly minPosition?: string;
}

async function send(token: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: accept };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.file.contentType;
  if (options.minPosition) headers['X-Min-Position'] = options.minPosition;
  const res = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.file
      ? options.file.data
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (!res.ok) throw await errorOf(res);
  return res;
}

export async function request<T>(token: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(token, path, options, 'application/json');
  return (await res.json()) as T;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file the platform answers (an .xlsx list), with the name its Content-Disposition gives. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename?: string;
}

/** The filename of a Content-Disposition header, RFC 5987's `filename*=UTF-8''…` first (Chinese names). */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall back to the plain filename.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : undefined;
}

/** A file through the bearer token (a plain link cannot send it), for the browser to save. */
export async function download(token: string, path: string, signal?: AbortSignal): Promise<DownloadedFile> {
  const res = await send(token, path, { signal }, `${XLSX}, */*`);
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) };
}

/** Hands a downloaded file to the browser's save (an object URL on a clicked link, released after). */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const q = (params: Record<string, string | number | boolean | undefined>): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};

export const enc = encodeURIComponent;
