import { exitOnStartupFailure, runService } from '../../platform/src/config/service-app';
import { workforceService } from './workforce.service';

/** `node dist/apps/workforce/src/main.js`: the workforce service (docker-compose.yml, docs/OPERATIONS.md). */
runService(workforceService()).catch(exitOnStartupFailure);
