import type { TriggerSpec, Triggers } from '../app/ports';
import type { Settings } from '../domain/settings';

// The weekly summary's time trigger, installed from the menu or setup (never from onOpen, which
// may not create triggers): at the day and hour of 設定, in the center's time zone. Installing
// again replaces the trigger, so a center that changes the hour never ends up with two.
export const WEEKLY_TRIGGER_HANDLER = 'weeklySummaryTrigger';

export function weeklyTriggerSpec(settings: Pick<Settings, 'weeklyDay' | 'weeklyHour' | 'timeZone'>): TriggerSpec {
  return { handler: WEEKLY_TRIGGER_HANDLER, kind: 'weekly', weekday: settings.weeklyDay, hour: settings.weeklyHour, timeZone: settings.timeZone };
}

export function installWeeklyTrigger(triggers: Triggers, settings: Pick<Settings, 'weeklyDay' | 'weeklyHour' | 'timeZone'>): TriggerSpec {
  const spec = weeklyTriggerSpec(settings);
  triggers.replace(spec);
  return spec;
}
