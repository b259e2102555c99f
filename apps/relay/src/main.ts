import { exitOnStartupFailure, runService } from '../../platform/src/config/service-app';
import { relayService } from './relay.service';

/** `node dist/apps/relay/src/main.js`: the relay service (docker-compose.yml, docs/OPERATIONS.md). */
runService(relayService()).catch(exitOnStartupFailure);
