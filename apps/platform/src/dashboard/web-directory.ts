import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the built dashboard is: WEB_DIR when set (tests build into a temporary directory), else dist/web
 * at the repository root, found from this file both when run from source (apps/platform/src/dashboard)
 * and when compiled (dist/apps/platform/src/dashboard).
 */
export function resolveWebDirectory(env: NodeJS.ProcessEnv = process.env, here = __dirname): string {
  if (env.WEB_DIR) return resolve(env.WEB_DIR);
  const root = resolve(here, '../../../..');
  const candidates = [join(root, 'dist/web'), join(root, 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}
