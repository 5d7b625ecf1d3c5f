import type { TriggerOwner, TriggerSpec, Triggers } from '../app/ports';

type Trigger = GoogleAppsScript.Script.Trigger;

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
const DEFAULT_HOUR: Record<TriggerSpec['kind'], number> = { weekly: 8, daily: 8, nightly: 2, form_submit: 0, on_edit: 0, on_change: 0 };

/** Where the specs of the triggers this adapter installed are kept. A Trigger object tells its
 *  handler and event type but not its schedule, so list() could not otherwise say weekly from
 *  daily. User properties, because triggers belong to the user who installed them. */
export const TRIGGER_SPECS_KEY = 'ikigai.triggerSpecs';

/** Who installed the desk's triggers ({ email, at }). Document properties, unlike the specs: every
 *  manager must see whose they are, since nobody can list another person's triggers. */
export const TRIGGER_OWNER_KEY = 'ikigai.triggers.owner';

/** The recorded owner in a document property's text; null when there is none or it is damaged. */
export function parseTriggerOwner(text: string | null): TriggerOwner | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { email?: unknown; at?: unknown };
    return typeof v.email === 'string' && v.email !== '' && typeof v.at === 'string' ? { email: v.email, at: v.at } : null;
  } catch {
    return null;
  }
}

/**
 * Installable triggers through ScriptApp. Clock triggers run in `timeZone()` (the spreadsheet's
 * zone unless the spec names one), so "Monday 8:00" means 8:00 at the center.
 */
export class ScriptAppTriggers implements Triggers {
  constructor(private readonly timeZone: () => string, private readonly spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  private specs(): Record<string, TriggerSpec> {
    const text = PropertiesService.getUserProperties().getProperty(TRIGGER_SPECS_KEY);
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, TriggerSpec>;
    } catch {
      return {};
    }
  }

  private saveSpecs(specs: Record<string, TriggerSpec>): void {
    PropertiesService.getUserProperties().setProperty(TRIGGER_SPECS_KEY, JSON.stringify(specs));
  }

  /** The project's triggers for this user. One installed by hand (not recorded here) shows as
   *  form_submit, on_edit or on_change when it is one, else as daily with no hour: its schedule is not knowable. */
  list(): TriggerSpec[] {
    const specs = this.specs();
    return ScriptApp.getProjectTriggers().map((t) => {
      const known = specs[t.getUniqueId()];
      if (known) return known;
      const handler = t.getHandlerFunction();
      const type = t.getEventType();
      if (type === ScriptApp.EventType.ON_FORM_SUBMIT) return { handler, kind: 'form_submit' };
      if (type === ScriptApp.EventType.ON_EDIT) return { handler, kind: 'on_edit' };
      if (type === ScriptApp.EventType.ON_CHANGE) return { handler, kind: 'on_change' };
      return { handler, kind: 'daily' };
    });
  }

  replace(spec: TriggerSpec): void {
    const specs = this.removeFrom(this.specs(), spec.handler);
    const trigger = this.create(spec);
    specs[trigger.getUniqueId()] = spec;
    this.saveSpecs(specs);
  }

  remove(handler: string): void {
    this.saveSpecs(this.removeFrom(this.specs(), handler));
  }

  owner(): TriggerOwner | null {
    return parseTriggerOwner(PropertiesService.getDocumentProperties().getProperty(TRIGGER_OWNER_KEY));
  }

  recordOwner(owner: TriggerOwner): void {
    PropertiesService.getDocumentProperties().setProperty(TRIGGER_OWNER_KEY, JSON.stringify({ email: owner.email, at: owner.at }));
  }

  /** Deletes `handler`'s triggers; returns the specs of the triggers that remain (records of
   *  triggers deleted by hand are dropped on the way). */
  private removeFrom(specs: Record<string, TriggerSpec>, handler: string): Record<string, TriggerSpec> {
    const out: Record<string, TriggerSpec> = {};
    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getHandlerFunction() === handler) {
        ScriptApp.deleteTrigger(t);
        continue;
      }
      const id = t.getUniqueId();
      const known = specs[id];
      if (known) out[id] = known;
    }
    return out;
  }

  private create(spec: TriggerSpec): Trigger {
    const builder = ScriptApp.newTrigger(spec.handler);
    if (spec.kind === 'form_submit') return builder.forSpreadsheet(this.spreadsheet()).onFormSubmit().create();
    if (spec.kind === 'on_edit') return builder.forSpreadsheet(this.spreadsheet()).onEdit().create();
    if (spec.kind === 'on_change') return builder.forSpreadsheet(this.spreadsheet()).onChange().create();
    const zone = spec.timeZone !== undefined && spec.timeZone !== '' ? spec.timeZone : this.timeZone();
    const hour = spec.hour ?? DEFAULT_HOUR[spec.kind];
    const clock = builder.timeBased();
    if (spec.kind === 'weekly') {
      const day = WEEKDAYS[spec.weekday ?? 0] ?? 'MONDAY';
      return clock.onWeekDay(ScriptApp.WeekDay[day]).atHour(hour).inTimezone(zone).create();
    }
    return clock.everyDays(1).atHour(hour).inTimezone(zone).create();
  }
}
