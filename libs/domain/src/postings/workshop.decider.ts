import type { EventData, EventsOfStream } from '@contracts';
import { accept, alreadyDone, assertNever, type Decider, reject } from '../shared/decider';

export type WorkshopEvent = EventsOfStream<'workshop'>;

type Workshop = EventData<'WorkshopCertified'>;

export type WorkshopState =
  | { readonly status: 'none' }
  | { readonly status: 'certified'; readonly workshop: Workshop }
  | { readonly status: 'decertified'; readonly workshop: Workshop; readonly reason: string };

export type WorkshopCommand =
  | {
      readonly type: 'CertifyWorkshop';
      readonly workshopId: string;
      readonly name: string;
      readonly countyCode: string;
      readonly relocationSiteId: string;
      readonly sector: string;
      readonly now: string;
    }
  | {
      readonly type: 'DecertifyWorkshop';
      readonly workshopId: string;
      readonly reason: string;
      readonly now: string;
    };

/**
 * A decertified workshop may be certified again (a workshop that fixed what it lost its certificate
 * for keeps its id and its history).
 */
export const workshopDecider: Decider<WorkshopCommand, WorkshopState, WorkshopEvent> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'WorkshopCertified':
        return { status: 'certified', workshop: event.data };
      case 'WorkshopDecertified':
        return state.status === 'none'
          ? state
          : { status: 'decertified', workshop: state.workshop, reason: event.data.reason };
      default:
        return assertNever(event);
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'CertifyWorkshop': {
        if (state.status === 'certified') {
          return reject('already_exists', `Workshop ${command.workshopId} is already certified`);
        }
        const { workshopId, name, countyCode, relocationSiteId, sector, now } = command;
        return accept({
          type: 'WorkshopCertified',
          data: { workshopId, name, countyCode, relocationSiteId, sector, certifiedAt: now },
        });
      }
      case 'DecertifyWorkshop':
        if (state.status === 'none')
          return reject('not_found', `Workshop ${command.workshopId} does not exist`);
        if (state.status === 'decertified') return alreadyDone();
        return accept({
          type: 'WorkshopDecertified',
          data: { workshopId: command.workshopId, reason: command.reason, decertifiedAt: command.now },
        });
      default:
        return assertNever(command);
    }
  },
};
