/**
 * The signed-in session: the bearer token and what its payload says about the caller. The payload is
 * decoded here only to show who you are and which county; the server verifies the token and its scope.
 */
export type Role = 'admin' | 'station' | 'workshop' | 'county_office' | 'broker' | 'prefecture_office';

export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly role: Role;
  readonly countyCode?: string;
  /** A prefecture office's prefecture: it reads that prefecture and its counties, and acts on none. */
  readonly prefectureCode?: string;
  readonly counties?: readonly string[] | 'all';
  /** Seconds since the epoch, when the token carries one. */
  readonly exp?: number;
}

const ROLES: readonly Role[] = [
  'admin',
  'station',
  'workshop',
  'county_office',
  'broker',
  'prefecture_office',
];
const STORAGE_KEY = 'dashboard.token';

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The session a token describes, or undefined when it is not a readable, unexpired JWT with a role. */
export function sessionFromToken(raw: string, nowMs = Date.now()): Session | undefined {
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const role = payload.role as Role;
  if (!ROLES.includes(role) || typeof payload.sub !== 'string') return undefined;
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  if (exp !== undefined && exp * 1000 <= nowMs) return undefined;
  const counties = payload.counties;
  return {
    token,
    sub: payload.sub,
    role,
    exp,
    countyCode: typeof payload.countyCode === 'string' ? payload.countyCode : undefined,
    prefectureCode: typeof payload.prefectureCode === 'string' ? payload.prefectureCode : undefined,
    counties:
      counties === 'all'
        ? 'all'
        : Array.isArray(counties)
          ? counties.filter((c) => typeof c === 'string')
          : undefined,
  };
}

/** Kept for the browser tab only (sessionStorage): a shared office laptop forgets it when closed. */
export function loadSession(): Session | undefined {
  try {
    const token = sessionStorage.getItem(STORAGE_KEY);
    return token ? sessionFromToken(token) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session | undefined): void {
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, session.token);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the session lasts for this page only.
  }
}

/** Roles that read and never act: the page offers them no forms and no commands. */
export const readsOnly = (session: Session): boolean => session.role === 'prefecture_office';

/**
 * The area a session may look at: a county office its county whatever the address says; a prefecture office
 * its prefecture and that prefecture's counties (anything else shows its prefecture); others what they ask.
 */
export function allowedArea(session: Session, asked: string | undefined, fallback: string): string {
  if (session.role === 'county_office') return fallback;
  if (session.role === 'prefecture_office' && session.prefectureCode) {
    const own = session.prefectureCode;
    return asked && (asked === own || (asked.slice(0, 4) === own.slice(0, 4) && !asked.endsWith('00')))
      ? asked
      : own;
  }
  return asked ?? fallback;
}
