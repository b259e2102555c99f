import type { EventData, EventsOfStream } from '@contracts';
import { accept, assertNever, type Decider, reject } from '../shared/decider';

export type LabourStationEvent = EventsOfStream<'labourStation'>;

export type LabourStationState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly station: EventData<'LabourStationRegistered'> };

export type LabourStationCommand = {
  readonly type: 'RegisterLabourStation';
  readonly stationId: string;
  readonly name: string;
  readonly hostProvince: string;
  readonly hostCity: string;
  readonly managingRegionCode: string;
  readonly now: string;
};

export const labourStationDecider: Decider<LabourStationCommand, LabourStationState, LabourStationEvent> = {
  initialState: () => ({ status: 'none' }),

  evolve(_state, event) {
    switch (event.type) {
      case 'LabourStationRegistered':
        return { status: 'registered', station: event.data };
      default:
        return assertNever(event.type);
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterLabourStation': {
        if (state.status !== 'none') {
          return reject('already_exists', `Labour station ${command.stationId} is already registered`);
        }
        const { stationId, name, hostProvince, hostCity, managingRegionCode, now } = command;
        return accept({
          type: 'LabourStationRegistered',
          data: { stationId, name, hostProvince, hostCity, managingRegionCode, registeredAt: now },
        });
      }
      default:
        return assertNever(command.type);
    }
  },
};
