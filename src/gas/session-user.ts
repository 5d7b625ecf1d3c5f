import type { UserIdentity } from '../app/ports';

/** Session.getActiveUser().getEmail(): '' when Google does not reveal who is calling. */
export class SessionUser implements UserIdentity {
  email(): string {
    return Session.getActiveUser().getEmail() ?? '';
  }
}
