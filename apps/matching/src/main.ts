import { exitOnStartupFailure, runService } from '../../platform/src/config/service-app';
import { matchingService } from './matching.service';

/** `node dist/apps/matching/src/main.js`: the matching service (docker-compose.yml, docs/OPERATIONS.md). */
runService(matchingService()).catch(exitOnStartupFailure);
