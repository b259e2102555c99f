import { accept, reject, type Decider } from '@lib/domain/shared/decider';
import { sequenceDecider } from './command-sequence';

type Event = { type: 'Added'; n: number };
const counter: Decider<number, number, Event> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.n,
  decide: (n, state) => (state + n > 10 ? reject('invalid_value', 'over 10') : accept({ type: 'Added', n })),
};

describe('sequenceDecider', () => {
  it('decides each command on the state the previous ones produced', () => {
    expect(sequenceDecider(counter).decide([4, 5], 0)).toEqual({
      ok: true,
      events: [
        { type: 'Added', n: 4 },
        { type: 'Added', n: 5 },
      ],
    });
  });

  it('refuses the whole sequence when one command is refused', () => {
    expect(sequenceDecider(counter).decide([4, 5, 2], 0)).toMatchObject({
      ok: false,
      rejection: { code: 'invalid_value' },
    });
  });
});
