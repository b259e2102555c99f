import { exitOnStartupFailure, runService } from '../../platform/src/config/service-app';
import { monitorService } from './monitor.service';

/** `node dist/apps/monitor/src/main.js`: the monitor service (docker-compose.yml, docs/OPERATIONS.md). */
runService(monitorService()).catch(exitOnStartupFailure);
