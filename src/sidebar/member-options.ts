import type { MemberOption } from '../app/shared/api-types';
import type { Strings } from './i18n';
import type { PickOption, PickSearch } from './picker';
import { callServer } from './script-run';

// A member as a picker option: "ID フリガナ 氏名", with age and district beside it, so two members
// called 山下 隆 are told apart (issue 12), and both names to recognise a namesake by.
export function memberPick(m: MemberOption, t: Strings): PickOption {
  const detail = [m.age === null ? '' : t.pick.age(m.age), m.district].filter((p) => p !== '');
  return {
    id: m.id,
    text: `${m.kana} ${m.name}`.trim(),
    ...(detail.length > 0 ? { detail: t.pick.detail(detail) } : {}),
    names: [m.name, m.kana].filter((n) => n !== ''),
  };
}

/** The server's forgiving member search (searchMembers) as a picker's search; `seen` hears each
 *  member answered (a panel that keeps names for its lists). */
export function memberSearch(t: Strings, seen: (m: MemberOption) => void = () => undefined): PickSearch {
  return (query) => callServer('searchMembers', t.unreachable, query).then((out) => out.members.map((m) => {
    seen(m);
    return memberPick(m, t);
  }));
}
