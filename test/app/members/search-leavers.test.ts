import { desk, ok, TODAY } from '../day-fixture';
import { searchMembersInTab } from '../../../src/app/members/search-members';
import { MEMBER_SEARCH_TAB } from '../../../src/app/members/member-search-index';

// Past 20 matches the stored keys' search reads 20 rows of 会員. By sheet order alone those are
// the oldest rows, where the members who left are: 25 leavers named 山田 above the one 山田 still
// enrolled hid her, where reading 会員 whole (searchMembersInTab) shows her first. The keys of
// leavers carry a mark (member-search-key.ts LEFT_MARK), set by leaveMember and by the rebuild.


function center(): ReturnType<typeof desk> {
  const d = desk();
  for (let i = 0; i < 25; i++) ok(d.api().saveMember({ name: `山田 太郎${i}`, kana: 'やまだ たろう', consent: true, join_route: 'window' }));
  ok(d.api().saveMember({ name: '山田 花子', kana: 'やまだ はなこ', consent: true, join_route: 'window' }));
  const all = ok(d.api().searchMembers('やまだ たろう'));
  expect(all.more).toBe(true);
  // The 25 太郎s: M00010…M00034, saved first.
  const ids = Array.from({ length: 25 }, (_, i) => `M${String(10 + i).padStart(5, '0')}`);
  for (const id of ids) ok(d.api().leaveMember({ member_id: id, date: TODAY, reason: 'health' }));
  return d;
}

describe('the member picker past 20 matches, most of them leavers', () => {
  test('the enrolled member is shown first, as reading 会員 whole shows her (keys kept by leaveMember)', () => {
    const d = center();
    const stored = ok(d.api().searchMembers('やまだ'));
    expect(stored.more).toBe(true);
    expect(stored.members[0]).toMatchObject({ name: '山田 花子', enrolled: true });
    expect(stored.members[0]).toEqual(searchMembersInTab(d.store, TODAY, 'やまだ').members[0]);
  });

  test('the same after the keys are rebuilt from 会員 (the nightly run, a deleted tab)', () => {
    const d = center();
    (d.store as unknown as { tabs: Map<string, unknown> }).tabs.delete(MEMBER_SEARCH_TAB);
    const stored = ok(d.api().searchMembers('やまだ'));
    expect(stored.members[0]).toMatchObject({ name: '山田 花子', enrolled: true });
  });
});
