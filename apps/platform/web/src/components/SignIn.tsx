import { useEffect, useState, type FormEvent } from 'react';
import { useLang } from '../i18n';
import { sessionFromToken, type Session } from '../session';
import { areaName } from '../regions';

interface DemoToken {
  readonly role: string;
  readonly label?: string;
  readonly token: string;
}

/**
 * Demo tokens, when the platform runs in demo mode and serves them (GET /v1/demo-tokens, public); any
 * other answer hides the picker and leaves the paste box.
 */
async function fetchDemoTokens(signal: AbortSignal): Promise<DemoToken[]> {
  try {
    const res = await fetch('/v1/demo-tokens', { signal, headers: { Accept: 'application/json' } });
    if (!res.ok) return [];
    const body = (await res.json()) as { items?: DemoToken[] } | DemoToken[];
    const items = Array.isArray(body) ? body : (body.items ?? []);
    return items.filter((d) => typeof d.token === 'string' && sessionFromToken(d.token));
  } catch {
    return [];
  }
}

export function SignIn({ onSignIn }: { onSignIn(session: Session): void }) {
  const { t, lang } = useLang();
  const [raw, setRaw] = useState('');
  const [error, setError] = useState(false);
  const [demo, setDemo] = useState<DemoToken[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    void fetchDemoTokens(abort.signal).then(setDemo);
    return () => abort.abort();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionFromToken(raw);
    if (session) onSignIn(session);
    else setError(true);
  };

  const describe = (token: string): string => {
    const s = sessionFromToken(token);
    if (!s) return '';
    const area = s.countyCode ? ` · ${areaName(s.countyCode, lang)}` : '';
    return `${t.role[s.role]}${area}`;
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card">
        <h2>{t.signIn}</h2>
        <label htmlFor="token">{t.pasteToken}</label>
        <textarea
          id="token"
          name="token"
          rows={4}
          value={raw}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setRaw(e.target.value);
            setError(false);
          }}
        />
        {error && (
          <p className="error" role="alert">
            {t.invalidToken}
          </p>
        )}
        <button type="submit" disabled={!raw.trim()}>
          {t.signIn}
        </button>
        <p className="hint">{t.tokenHelp}</p>
        {demo.length > 0 && (
          <fieldset className="demo-roles">
            <legend>{t.demoRoles}</legend>
            {demo.map((d) => (
              <button
                type="button"
                key={d.token}
                className="secondary"
                onClick={() => {
                  const session = sessionFromToken(d.token);
                  if (session) onSignIn(session);
                }}
              >
                {d.label ?? describe(d.token)}
              </button>
            ))}
          </fieldset>
        )}
      </form>
    </main>
  );
}
