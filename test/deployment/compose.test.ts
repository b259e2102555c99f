import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { envReadsFrom } from './env-reads';

const ROOT = resolve(__dirname, '../..');
const APP_SERVICES = ['postings', 'workforce', 'matching', 'monitor', 'relay'] as const;
const SERVERS = ['eventstore', 'kafka', 'mongo', 'postgres'] as const;

interface ComposeService {
  image?: string;
  profiles?: string[];
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean | null>;
  healthcheck?: { test?: unknown };
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: string[];
  volumes?: string[];
}

// `merge: true`: the file shares the services' environment and health check through YAML merge keys (<<),
// which docker compose resolves.
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
};
const services = compose.services;

/** `node dist/apps/<name>/src/main.js` → `apps/<name>/src/main.ts` (the build keeps the layout under dist/). */
const sourceOf = (script: string): string => script.replace(/^dist\//, '').replace(/\.js$/, '.ts');

describe('docker-compose.yml', () => {
  it('names the servers and every application service', () => {
    expect(Object.keys(services).sort()).toEqual([...SERVERS, ...APP_SERVICES].sort());
  });

  it('gives every service a health check and waits only for healthy dependencies', () => {
    for (const [name, service] of Object.entries(services)) {
      const test = service.healthcheck?.test;
      expect({ name, test }).toEqual({ name, test: expect.anything() });
      // Every word of a health check command is a string (an unquoted `a: b` in YAML becomes a mapping).
      if (Array.isArray(test)) for (const word of test) expect(typeof word).toBe('string');
      const dependsOn = service.depends_on ?? {};
      expect({ name, list: Array.isArray(dependsOn) }).toEqual({ name, list: false });
      for (const [dependency, spec] of Object.entries(dependsOn)) {
        expect({ name, dependency, condition: spec.condition }).toEqual({
          name,
          dependency,
          condition: 'service_healthy',
        });
        expect(services[dependency]).toBeDefined();
      }
    }
  });

  it.each(APP_SERVICES)(
    '%s runs its own entry point from the one image, on its own port and volume',
    (name) => {
      const service = services[name];
      expect(service.command?.slice(0, 1)).toEqual(['node']);
      const script = service.command?.[1] ?? '';
      expect(script).toBe(`dist/apps/${name}/src/main.js`);
      expect(existsSync(join(ROOT, sourceOf(script)))).toBe(true);
      const port = String(service.environment?.PORT);
      expect(service.ports).toContain(`${port}:${port}`);
      expect(service.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
      expect(service.environment?.DATA_DIR).toBe('/data');
    },
  );

  it('starts the distributed services on distinct ports, the event-store dependent ones after it', () => {
    const ports = APP_SERVICES.map((name) => services[name].environment?.PORT);
    expect(new Set(ports).size).toBe(APP_SERVICES.length);
    for (const name of APP_SERVICES) {
      expect(Object.keys(services[name].depends_on ?? {})).toContain('eventstore');
    }
    // PostgreSQL is started on request (--profile postgres) or by docker-compose.postgres.yml.
    expect(services.postgres.profiles).toEqual(['postgres']);
    expect(Object.keys(services.monitor.depends_on ?? {})).toEqual(
      expect.arrayContaining(['kafka', 'mongo', 'relay']),
    );
    expect(Object.keys(services.relay.depends_on ?? {})).toEqual(expect.arrayContaining(['kafka']));
  });

  // The list is derived from the code: every variable read anywhere reachable from the service's main.ts.
  it.each(APP_SERVICES)('sets every environment variable the %s service reads', (name) => {
    const { variables, files } = envReadsFrom(`apps/${name}/src/main.ts`);
    expect(files).toBeGreaterThan(10);
    // Sanity of the scan itself: the shared configuration is always reached.
    expect([...variables]).toEqual(expect.arrayContaining(['PORT', 'JWT_SECRET', 'EVENT_STORE_URL']));
    const set = Object.keys(services[name].environment ?? {});
    const missing = [...variables].filter((v) => !set.includes(v)).sort();
    expect({ name, missing }).toEqual({ name, missing: [] });
  });

  it('points the services at the servers of this file', () => {
    for (const name of APP_SERVICES) {
      const env = services[name].environment ?? {};
      expect(String(env.EVENT_STORE_URL)).toMatch(/^esdb:\/\/eventstore:2113/);
      expect(env.EVENTSTORE_URL).toBe('');
      expect(String(env.KAFKA_BROKERS)).toBe('kafka:19092');
      expect(String(env.MONGO_URL)).toMatch(/^mongodb:\/\/mongo:27017\/\w+\?.*replicaSet=rs0/);
      expect(env.FAULT_INJECT).toBe('');
    }
  });
});

describe('docker-compose.postgres.yml', () => {
  // Compose's merge tags (!reset, !override) are kept as plain values here; compose applies them.
  const tags = ['!reset', '!override'].flatMap((tag) =>
    (['map', 'seq'] as const).map((collection) => ({
      tag,
      collection,
      resolve: (value: unknown) => value,
    })),
  );
  const override = parse(readFileSync(join(ROOT, 'docker-compose.postgres.yml'), 'utf8'), {
    merge: true,
    customTags: tags,
  }) as { services: Record<string, ComposeService> };

  it('starts PostgreSQL and the four services on it, and none of the card servers nor the relay', () => {
    const o = override.services;
    expect(o.postgres.profiles).toEqual([]);
    for (const name of ['eventstore', 'kafka', 'mongo', 'relay']) expect(o[name].profiles).toEqual(['card']);
    for (const name of ['postings', 'workforce', 'matching', 'monitor']) {
      const env = o[name].environment ?? {};
      expect(String(env.EVENT_STORE_URL)).toMatch(/^postgres:\/\/relocation:.*@postgres:5432\/relocation$/);
      expect(env.KAFKA_BROKERS).toBe('');
      expect(env.MONGO_URL).toBe('');
      expect(o[name].depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      expect(services[name]).toBeDefined();
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages = instructions.filter((line) => /^FROM\s/i.test(line));
  const lastStage = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]));

  it('is multi-stage: build, production dependencies, runtime on node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages[stages.length - 1]).toMatch(/^FROM node:20-bookworm-slim\b/);
    const build = instructions.join('\n');
    expect(build).toMatch(/RUN npm ci\s*$/m);
    expect(build).toMatch(/npm run build\b/);
    expect(build).toMatch(/npm run build:web\b/);
    expect(build).toMatch(/RUN npm ci --omit=dev/);
    // better-sqlite3 may compile: the stages that install need a compiler and python.
    expect(build).toMatch(/apt-get install[^\n]*python3[^\n]*make[^\n]*g\+\+/);
  });

  it('runs the runtime stage as a non-root user with node_modules from the production-dependencies stage', () => {
    const user = lastStage.filter((line) => /^USER\s/i.test(line)).pop();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|\s|$)/i);
    expect(lastStage.some((line) => /^COPY --from=prod-deps\b.*node_modules/.test(line))).toBe(true);
    expect(lastStage.some((line) => /^COPY --from=build\b.*\/app\/dist/.test(line))).toBe(true);
    expect(lastStage.some((line) => /^RUN npm ci\b/.test(line))).toBe(false);
  });

  it('has a health check, and its default command exists after the build', () => {
    expect(lastStage.some((line) => /^HEALTHCHECK\s/.test(line))).toBe(true);
    const cmd = lastStage.filter((line) => /^CMD\s/.test(line)).pop() ?? '';
    const [program, script] = JSON.parse(cmd.replace(/^CMD\s+/, '')) as string[];
    expect(program).toBe('node');
    expect(existsSync(join(ROOT, sourceOf(script)))).toBe(true);
  });

  it('builds into dist/ with the source layout (so dist/apps/<name>/src/main.js ↔ apps/<name>/src/main.ts)', () => {
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      include: string[];
    };
    const base = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { outDir: string; rootDir?: string };
    };
    expect(base.compilerOptions.outDir).toBe('dist');
    // No rootDir: tsc takes the common root of the inputs, the repository root, as long as both apps and
    // libs are compiled.
    expect(base.compilerOptions.rootDir).toBeUndefined();
    expect(build.include).toEqual(expect.arrayContaining(['apps', 'libs']));
  });
});

describe('.dockerignore', () => {
  it('keeps dependencies, outputs, data and git out of the build context', () => {
    const entries = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    expect(entries).toEqual(expect.arrayContaining(['node_modules', 'dist', 'data', '.git']));
  });
});
