import type { OneOffRuns } from '../app/ports';

/** Which of the project's triggers are one-offs made here ({ uniqueId: handler }). User
 *  properties, like the triggers themselves (they belong to the user who made them). */
export const ONE_OFF_KEY = 'ikigai.oneOffTriggers';

/**
 * One-off runs through ScriptApp: `newTrigger(h).timeBased().after(ms).create()`. Apps Script
 * leaves a fired one-off in the project's trigger list (and in the 20 a user may have) until it
 * is deleted, so `later` first deletes the handler's earlier one-offs, and a run they started
 * deletes them with `clearLater`. Only triggers recorded here are touched: the handler's weekly or
 * daily trigger stays.
 */
export class OneOffTriggers implements OneOffRuns {
  private records(): Record<string, string> {
    const text = PropertiesService.getUserProperties().getProperty(ONE_OFF_KEY);
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, string>;
    } catch {
      return {};
    }
  }

  later(handler: string, afterMs: number): void {
    const records = this.drop(handler);
    const trigger = ScriptApp.newTrigger(handler).timeBased().after(Math.max(60 * 1000, Math.round(afterMs))).create();
    records[trigger.getUniqueId()] = handler;
    PropertiesService.getUserProperties().setProperty(ONE_OFF_KEY, JSON.stringify(records));
  }

  clearLater(handler: string): void {
    const before = this.records();
    if (!Object.values(before).includes(handler)) return;
    PropertiesService.getUserProperties().setProperty(ONE_OFF_KEY, JSON.stringify(this.drop(handler, before)));
  }

  /** Deletes `handler`'s recorded one-offs; answers the records left (of triggers that still exist). */
  private drop(handler: string, records: Record<string, string> = this.records()): Record<string, string> {
    const left: Record<string, string> = {};
    for (const t of ScriptApp.getProjectTriggers()) {
      const id = t.getUniqueId();
      const of = records[id];
      if (of === undefined) continue;
      if (of === handler) ScriptApp.deleteTrigger(t); else left[id] = of;
    }
    return left;
  }
}
