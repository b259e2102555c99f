import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh temporary directory for each test of the calling `describe` (named `<prefix>…`, made before the test,
 * removed after it): `const dir = temporaryDirectoryPerTest('config-');`, then `dir()` inside a test.
 */
export function temporaryDirectoryPerTest(prefix: string): () => string {
  let directory: string | undefined;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });
  return () => {
    if (directory === undefined) throw new Error('temporaryDirectoryPerTest: read outside a test');
    return directory;
  };
}
