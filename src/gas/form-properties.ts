import type { PropertyBag } from '../app/ports';

// Document properties read and written in one call each way (getProperties / setProperties).
type Properties = GoogleAppsScript.Properties.Properties;

export class FormPropertyBag implements PropertyBag {
  private props: Properties | null = null;
  private get store(): Properties {
    if (!this.props) this.props = PropertiesService.getDocumentProperties();
    return this.props;
  }
  getAll(): Record<string, string> { return { ...this.store.getProperties() }; }
  setAll(entries: Readonly<Record<string, string>>): void { this.store.setProperties({ ...entries }); }
  delete(keys: readonly string[]): void { for (const k of keys) this.store.deleteProperty(k); }
}
