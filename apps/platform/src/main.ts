import { runPlatformProcess } from './run-platform';

/** `npm start`: the all-in-one platform (see run-platform.ts). */
runPlatformProcess();
