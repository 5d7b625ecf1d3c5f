import { guard, type Guarded } from './guard';

type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;
type GProperties = GoogleAppsScript.Properties.Properties;

class PropertiesImpl implements Pick<GProperties, 'getProperty' | 'setProperty' | 'deleteProperty' | 'getProperties' | 'setProperties' | 'deleteAllProperties' | 'getKeys'> {
  _self!: GProperties;
  constructor(readonly _map: Map<string, string>) {}

  getProperty(key: string): string | null { return this._map.get(key) ?? null; }
  // Apps Script stores every value as a string.
  setProperty(key: string, value: string): GProperties { this._map.set(key, String(value)); return this._self; }
  deleteProperty(key: string): GProperties { this._map.delete(key); return this._self; }
  getProperties(): { [key: string]: string } { return Object.fromEntries(this._map); }
  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProperties {
    if (deleteAllOthers) this._map.clear();
    for (const [k, v] of Object.entries(properties)) this._map.set(k, String(v));
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
      const impl = new PropertiesImpl(new Map());
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
