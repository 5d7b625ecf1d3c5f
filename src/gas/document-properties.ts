import type { KeyValueStore } from '../app/ports';

type Properties = GoogleAppsScript.Properties.Properties;

/** The spreadsheet's document properties: one call per get, set or delete. */
export class DocumentProperties implements KeyValueStore {
  private props: Properties | null = null;

  private p(): Properties {
    // Null only in a script not bound to a document; the script's own properties stand in then.
    this.props ??= PropertiesService.getDocumentProperties() ?? PropertiesService.getScriptProperties();
    return this.props;
  }

  get(key: string): string | null {
    return this.p().getProperty(key);
  }

  set(key: string, value: string): void {
    this.p().setProperty(key, value);
  }

  delete(key: string): void {
    this.p().deleteProperty(key);
  }
}
