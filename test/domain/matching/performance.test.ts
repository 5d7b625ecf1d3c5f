import { matchContext, rankForJob } from '../../../src/domain/matching/rank-candidates';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { ALL_SLOTS, type Slot } from '../../../src/domain/slots';
import type { Job, Match, Member } from '../../../src/domain/schema/tabs';
import { job, member, placement } from './fixtures';

// Ranking a big center for one job: PRINTS the times (the issue asks for them in the closing
// note) and checks only that the work was done — timings on a shared 2-core machine are not a
// pass/fail matter. A seeded generator makes every run rank the same center.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

const DISTRICTS = ['柏中央', '我孫子', '流山', '松戸', '野田'];
const SKILLS = ['草刈り', '剪定', '清掃', '家事', '受付', '送迎', 'PC'];

function center(members: number, jobs: number, matchesPerMember: number) {
  const rnd = lcg(members);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
  const jobList: Job[] = Array.from({ length: jobs }, (_, i) => job({
    job_id: `J${String(i).padStart(5, '0')}`, slots: some(ALL_SLOTS, 0.2).slice(0, 4) as Slot[],
    required_skills: some(SKILLS, 0.2), district: pick(DISTRICTS), category: pick(['除草', '清掃', '家事']),
    headcount: 1 + Math.floor(rnd() * 3), social_contribution: rnd() < 0.5,
  }));
  const memberList: Member[] = Array.from({ length: members }, (_, i) => member({
    member_id: `M${String(i).padStart(6, '0')}`, joined_on: rnd() < 0.95 ? '2010-04-01' : '2016-06-01',
    left_on: rnd() < 0.1 ? '2015-03-31' : null, consent: rnd() < 0.97, district: pick(DISTRICTS),
    skills: some(SKILLS, 0.3), availability: some(ALL_SLOTS, 0.35) as Slot[], motivations: some(['contribution', 'health', 'income', 'friendship'] as const, 0.4),
    preferred_categories: some(['除草', '清掃', '家事'], 0.3), max_days_per_week: rnd() < 0.3 ? 2 : null,
  }));
  const matches: Match[] = [];
  for (const m of memberList) {
    for (let k = 0; k < matchesPerMember; k++) {
      if (rnd() < 0.5) continue;
      const placedOn = `2015-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01`;
      const ended = rnd() < 0.5;
      matches.push(placement({
        match_id: `X${matches.length}`, member_id: m.member_id, job_id: pick(jobList).job_id, placed_on: placedOn,
        status: ended ? 'ended' : 'placed', ended_on: ended ? '2015-12-31' : null,
      }));
    }
  }
  return { members: memberList, jobs: jobList, matches, settings: DEFAULT_SETTINGS };
}

function ms(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

describe('ranking a large center', () => {
  test.each([20_000, 50_000])('ranks %i members for one job well within a second (times printed)', (n) => {
    const c = center(n, 500, 4);
    const target: Job = { ...c.jobs[0]!, job_id: 'JNEW', slots: ['Mon-AM', 'Tue-PM', 'Wed-AM', 'Thu-PM', 'Fri-AM'], headcount: 2 };
    let context = matchContext(c);
    // Median of 3 after a first build, so the figure is the indexing, not the collection of the
    // garbage left by generating the center.
    const index = [0, 1, 2].map(() => ms(() => { context = matchContext(c); })).sort((a, b) => a - b)[1]!;
    rankForJob(target, context, '2016-01-15'); // warm-up: let V8 compile the hot loop once
    const runs = Array.from({ length: 5 }, () => ms(() => rankForJob(target, context, '2016-01-15'))).sort((a, b) => a - b);
    const result = rankForJob(target, context, '2016-01-15');
    const excluded = Object.values(result.excluded).reduce((a, b) => a + b, 0);
    // eslint-disable-next-line no-console
    console.log(`match bench: ${n} members, ${c.matches.length} matches: index (median of 3) ${index.toFixed(1)} ms; `
      + `rank one job median ${runs[2]!.toFixed(1)} ms (min ${runs[0]!.toFixed(1)}, max ${runs[4]!.toFixed(1)}); `
      + `${result.candidates.length} candidates, ${excluded} turned away, team of ${result.team.members.length}`);
    expect(result.candidates.length + excluded).toBe(n);
    expect(result.team.uncovered_slots).toEqual([]);
  });
});
