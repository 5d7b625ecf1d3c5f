import { guard, type Guarded } from './guard';

type GSession = GoogleAppsScript.Base.Session;
type GUser = GoogleAppsScript.Base.User;

export interface SessionOptions {
  /** '' when Google does not reveal the user (consumer accounts in another domain). */
  activeUserEmail: string;
  effectiveUserEmail: string;
  scriptTimeZone: string;
  locale: string;
}

export class UserImpl implements Pick<GUser, 'getEmail'> {
  constructor(private readonly _email: string) {}
  getEmail(): string { return this._email; }
}

export class SessionImpl implements Pick<GSession, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale'> {
  constructor(private readonly _ctx: Guarded, private readonly _options: SessionOptions) {}

  static wrap(ctx: Guarded, options: SessionOptions): GSession {
    return guard<GSession>(new SessionImpl(ctx, options), 'Session', ctx);
  }

  getActiveUser(): GUser { return guard<GUser>(new UserImpl(this._options.activeUserEmail), 'User', this._ctx); }
  getEffectiveUser(): GUser { return guard<GUser>(new UserImpl(this._options.effectiveUserEmail), 'User', this._ctx); }
  getScriptTimeZone(): string { return this._options.scriptTimeZone; }
  getActiveUserLocale(): string { return this._options.locale; }
}
