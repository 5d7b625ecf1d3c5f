import { rebuildCandidateIndexLocked } from '../app/matching/candidate-index';
import { readSettings } from '../app/shared/call-context';
import { commonText, menuText } from '../domain/messages/catalog';
import type { ScriptContext } from './dispatch';

// Menu 候補索引を作り直す (an active manager: src/app/server-calls.ts): the candidate index rebuilt
// from the tabs now, as the nightly run does — after a person typed into 会員, マッチング or 就業実績
// and the next ranking should see it today (matching.md "The candidate index"). Its sentence is
// shown as a toast.

function toast(message: string): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message);
  } catch {
    console.log(message);
  }
}

export function rebuildCandidateIndex({ ports, settings }: ScriptContext): { ok: boolean; message: string } {
  const lang = (settings ?? readSettings(ports.store)).language;
  const rebuilt = rebuildCandidateIndexLocked(ports);
  const message = rebuilt ? menuText(lang).indexRebuilt(rebuilt.members) : commonText(lang).anotherRun;
  toast(message);
  return { ok: rebuilt !== null, message };
}

export const CANDIDATE_HANDLERS = { rebuildCandidateIndex };
