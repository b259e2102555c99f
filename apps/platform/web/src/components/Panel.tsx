import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useLang } from '../i18n';
import type { Loadable } from '../use-dashboard-data';

/** A titled card that shows "loading", "not available yet" (404: endpoint not there) or its content. */
export function Panel<T>({
  title,
  state,
  children,
  className,
  extra,
}: {
  title: string;
  state: Loadable<T>;
  children(data: T): ReactNode;
  className?: string;
  extra?: ReactNode;
}) {
  const { t } = useLang();
  return (
    <section className={`card ${className ?? ''}`}>
      <div className="card-head">
        <h2>{title}</h2>
        {extra}
      </div>
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && <ErrorNote error={state.error} />}
      {state.status === 'ok' && children(state.data)}
    </section>
  );
}

export function ErrorNote({ error }: { error: Error }) {
  const { t } = useLang();
  const text =
    error instanceof ApiError
      ? error.status === 403
        ? t.forbidden
        : error.status === 404 || error.status === 501
          ? t.unavailable
          : `${error.status} · ${error.message}`
      : error.message;
  return (
    <p className="muted error-note" data-error={error instanceof ApiError ? error.code : 'network'}>
      {text}
    </p>
  );
}
