import { bootstrapApp, type PlatformApp, type PlatformAppOptions } from './bootstrap-app';
import { CAPABILITY_MODULES } from './capabilities';

export type { PlatformApp, PlatformAppOptions } from './bootstrap-app';

/**
 * The all-in-one platform, ready for `listen()` (main.ts) or `init()` (end-to-end tests on a temporary data
 * directory): every capability module, plus any test-only `modules`.
 */
export const createPlatformApp = (options: Omit<PlatformAppOptions, 'capabilities'>): Promise<PlatformApp> =>
  bootstrapApp({ ...options, capabilities: CAPABILITY_MODULES });
