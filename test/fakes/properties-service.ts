import { guard, type Guarded } from './guard';

type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;
type GProperties = GoogleAppsScript.Properties.Properties;

/** Apps Script's limits: 9 KB a value, 500 KB a property store (quotas page); over either the
 *  call throws and stores nothing. Counted in UTF-8 bytes of key and value, as Google counts. */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;
export const PROPERTY_TOO_LARGE = 'Argument too large: value';
export const PROPERTY_STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

class PropertiesImpl implements Pick<GProperties, 'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties' | 'setProperties' | 'deleteAllProperties' | 'getKeys'> {
  _self!: GProperties;
  constructor(readonly _map: Map<string, string>, private readonly _ctx: Guarded) {}

  private _check(next: Map<string, string>, entries: readonly [string, string][]): void {
    for (const [k, v] of entries) if (bytes(k) + bytes(v) > PROPERTY_VALUE_MAX_BYTES) throw new this._ctx.realm.Error(PROPERTY_TOO_LARGE);
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_MAX_BYTES) throw new this._ctx.realm.Error(PROPERTY_STORE_FULL);
  }

  getProperty(key: string): string | null { return this._map.get(key) ?? null; }
  // Apps Script stores every value as a string.
  setProperty(key: string, value: string): GProperties {
    const next = new Map(this._map).set(String(key), String(value));
    this._check(next, [[String(key), String(value)]]);
    this._map.set(String(key), String(value));
    return this._self;
  }
  deleteProperty(key: string): GProperties { this._map.delete(key); return this._self; }
  getProperties(): { [key: string]: string } { return Object.fromEntries(this._map); }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    const entries = Object.entries(properties).map(([k, v]): [string, string] => [k, String(v)]);
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._map);
    for (const [k, v] of entries) next.set(k, v);
    this._check(next, entries);
    if (deleteAllOthers) this._map.clear();
    for (const [k, v] of entries) this._map.set(k, v);
    return this._self;
  }
  deleteAllProperties(): GProperties { this._map.clear(); return this._self; }
  getKeys(): string[] { return [...this._map.keys()]; }
}

export interface PropertiesHandles {
  readonly document: GProperties;
  readonly script: GProperties;
  readonly user: GProperties;
}

export class PropertiesServiceImpl implements Pick<GPropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> {
  private readonly _stores: { document: GProperties; script: GProperties; user: GProperties };

  constructor(ctx: Guarded, private readonly _bound: boolean) {
    const make = (): GProperties => {
      const impl = new PropertiesImpl(new Map(), ctx);
      impl._self = guard<GProperties>(impl, 'Properties', ctx);
      return impl._self;
    };
    this._stores = { document: make(), script: make(), user: make() };
  }

  static create(ctx: Guarded, bound: boolean): { service: GPropertiesService; handles: PropertiesHandles } {
    const impl = new PropertiesServiceImpl(ctx, bound);
    return { service: guard<GPropertiesService>(impl, 'PropertiesService', ctx), handles: impl._stores };
  }

  /** Null in a script that is not bound to a document, as in Apps Script. */
  getDocumentProperties(): GProperties { return (this._bound ? this._stores.document : null) as GProperties; }
  getScriptProperties(): GProperties { return this._stores.script; }
  getUserProperties(): GProperties { return this._stores.user; }
}
