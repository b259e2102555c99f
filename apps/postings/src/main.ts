import { exitOnStartupFailure, runService } from '../../platform/src/config/service-app';
import { postingsService } from './postings.service';

/** `node dist/apps/postings/src/main.js`: the postings service (docker-compose.yml, docs/OPERATIONS.md). */
runService(postingsService()).catch(exitOnStartupFailure);
