import { parseArgs } from 'node:util';
// The framework-free entries of libs/auth: the CLI loads no NestJS (a token in well under a second).
import { ROLES, TokenClaimsSchema, type Role } from '@lib/auth/principal';
import { parseExpiresIn, signToken } from '@lib/auth/token';
import { configFromEnv } from './config/platform-config';

const USAGE = `Usage: npm run -s token -- --role <${ROLES.join('|')}> [scope] [--sub S] [--expires 8h]
  scope: --station <id> (station), --workshop <id> (workshop), --county <code> (county_office),
         --county <code> or --counties <code,code,...|all> (broker), --prefecture <code> (prefecture_office)
  Signs with JWT_SECRET, or the platform's secret in DATA_DIR/secrets.json, and prints the token alone.`;

/** Builds the claims from the command line; throws with a message for the user when they are wrong. */
export function claimsFromArgs(args: readonly string[]): { claims: unknown; expires: string } {
  const { values } = parseArgs({
    args: [...args],
    options: {
      role: { type: 'string' },
      station: { type: 'string' },
      workshop: { type: 'string' },
      county: { type: 'string' },
      counties: { type: 'string' },
      prefecture: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const scope =
    values.station ?? values.workshop ?? values.county ?? values.counties ?? values.prefecture ?? 'all';
  const sub = values.sub ?? `${role}-${scope}`;
  if (role === 'broker' && values.county !== undefined && values.counties !== undefined) {
    throw new Error('a broker takes --county <code> (one county) or --counties <code,code,...>, not both');
  }
  // A broker with one county: `--county 520402` is `--counties 520402`.
  const countyList = values.counties ?? (role === 'broker' ? values.county : undefined);
  const counties = countyList === 'all' ? 'all' : countyList?.split(',').map((c) => c.trim());
  const claims = {
    sub,
    role,
    ...(role === 'station' ? { stationId: values.station } : {}),
    ...(role === 'workshop' ? { workshopId: values.workshop } : {}),
    ...(role === 'county_office' ? { countyCode: values.county } : {}),
    ...(role === 'broker' ? { counties } : {}),
    ...(role === 'prefecture_office' ? { prefectureCode: values.prefecture } : {}),
  };
  return { claims, expires: values.expires ?? '8h' };
}

/**
 * Prints a signed token for the arguments, or the problem and the usage (exit code 2). Run by
 * `npm run token` through scripts/token.js, compiled (dist), or under ts-node as this file.
 */
export function main(args: readonly string[]): void {
  try {
    const { claims, expires } = claimsFromArgs(args);
    const parsed = TokenClaimsSchema.safeParse(claims);
    if (!parsed.success) {
      throw new Error(
        parsed.error.issues.map((i) => `${i.path.join('.') || 'claims'}: ${i.message}`).join('; '),
      );
    }
    // The platform's own secret: JWT_SECRET when set, else DATA_DIR/secrets.json (written at its first start).
    const { jwtSecret } = configFromEnv(process.env);
    process.stdout.write(`${signToken(parsed.data, jwtSecret, parseExpiresIn(expires))}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) main(process.argv.slice(2));
