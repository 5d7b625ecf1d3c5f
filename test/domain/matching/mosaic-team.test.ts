import type { Capacity } from '../../../src/domain/matching/hard-rules';
import { buildMosaicTeam, type TeamInput } from '../../../src/domain/matching/mosaic-team';
import { slotMask } from '../../../src/domain/matching/slot-bits';
import type { Slot } from '../../../src/domain/slots';

function free(member_id: string, slots: Slot[], over: Partial<Capacity> = {}): TeamInput {
  return { member_id, capacity: { coverable: slotMask(slots), maxSlots: 14, weekdays: 0, maxNewWeekdays: 7, ...over } };
}

describe('mosaic team', () => {
  test('covers every slot with the fewest members the greedy finds, and names a backup per slot', () => {
    const ranked = [
      free('A', ['Mon-AM']),
      free('B', ['Mon-AM', 'Tue-AM', 'Wed-AM']),
      free('C', ['Thu-AM']),
      free('D', ['Tue-AM', 'Wed-AM', 'Thu-AM']),
    ];
    const team = buildMosaicTeam(slotMask(['Mon-AM', 'Tue-AM', 'Wed-AM', 'Thu-AM']), 1, ranked);
    // B and D both take 3; B is ranked higher. Then Thu-AM: C and D take 1 each; C ranks higher.
    expect(team.members).toEqual([
      { member_id: 'B', slots: ['Mon-AM', 'Tue-AM', 'Wed-AM'] },
      { member_id: 'C', slots: ['Thu-AM'] },
    ]);
    // Outside the team: A can work Mon-AM; D the other three.
    expect(team.backups).toEqual([
      { slot: 'Mon-AM', member_id: 'A' }, { slot: 'Tue-AM', member_id: 'D' },
      { slot: 'Wed-AM', member_id: 'D' }, { slot: 'Thu-AM', member_id: 'D' },
    ]);
    expect(team.uncovered_slots).toEqual([]);
  });

  test('staffs each slot headcount times and lists the slots too few members can work', () => {
    const team = buildMosaicTeam(slotMask(['Mon-AM', 'Mon-PM']), 2, [free('A', ['Mon-AM', 'Mon-PM']), free('B', ['Mon-AM'])]);
    // Mon-AM: A and B (2 of 2). Mon-PM: only A can (1 of 2) → uncovered, and no backup left.
    expect(team.members).toEqual([{ member_id: 'A', slots: ['Mon-AM', 'Mon-PM'] }, { member_id: 'B', slots: ['Mon-AM'] }]);
    expect(team.uncovered_slots).toEqual(['Mon-PM']);
    expect(team.backups).toEqual([]);
  });

  test('gives nobody more weekdays or slots than their caps leave', () => {
    // A could work all four mornings but may add only 2 weekdays: takes Mon, Tue; B takes Wed, Thu.
    const team = buildMosaicTeam(slotMask(['Mon-AM', 'Tue-AM', 'Wed-AM', 'Thu-AM']), 1, [
      free('A', ['Mon-AM', 'Tue-AM', 'Wed-AM', 'Thu-AM'], { maxNewWeekdays: 2 }),
      free('B', ['Mon-AM', 'Tue-AM', 'Wed-AM', 'Thu-AM'], { maxSlots: 2 }),
    ]);
    expect(team.members).toEqual([{ member_id: 'A', slots: ['Mon-AM', 'Tue-AM'] }, { member_id: 'B', slots: ['Wed-AM', 'Thu-AM'] }]);
  });

  test('needs nobody when the placed members already fill the headcount', () => {
    const team = buildMosaicTeam(slotMask(['Mon-AM']), 0, [free('A', ['Mon-AM'])]);
    expect(team.members).toEqual([]);
    expect(team.uncovered_slots).toEqual([]);
    expect(team.backups).toEqual([{ slot: 'Mon-AM', member_id: 'A' }]);
  });
});
