import { admitPerson, refusal, type Admitted, type Refusal, type RefusalCode } from '../app/shared/guarded-call';
import {
  CALL_NAMES, SERVER_CALLS, type ArgsOut, type CallName, type DeskApi, type ScriptCall, type ScriptCallName,
  type ServerCalls, type SidebarCallName,
} from '../app/server-calls';
import type { Settings } from '../domain/settings';
import { rememberedLanguage } from '../gas/center-language';
import { googlePorts, type GooglePorts } from '../gas/google-ports';
import { isSignupResponseTab, triggerRunRefusal } from './trigger-runs';
import { isWorkReportResponseTab } from './work-report';
import { inputIssuesOf, inputIssuesText } from '../app/shared/input-issues';

// Turns the table of server calls (src/app/server-calls.ts) into the Apps Script globals. Every
// function a person can reach is checked here before its handler runs, by the rule the table
// gives it; the sidebar's calls are checked by their API (shared/guarded-call.ts), the same
// rules. A refusal changes nothing, reads only 設定 and コーディネータ (a trigger refusal reads
// neither), and answers a sentence in the center's language with no data in it.

/** What a handler of a menu, dialog or trigger function is given. */
export interface ScriptContext {
  readonly ports: GooglePorts;
  /** The person let in (null on a trigger run). */
  readonly caller: Admitted | null;
  /** 設定 as the caller check read it (null on a trigger run, which reads nothing to be let in). */
  readonly settings: Settings | null;
  /** The event of a real run of this function's own trigger, else undefined. */
  readonly triggerEvent: unknown;
}

type MenuOpenName = { [K in ScriptCallName]: ServerCalls[K]['access'] extends 'menu-open' ? K : never }[ScriptCallName];

/** One handler per menu, dialog and trigger function: a menu opener gets the raw event (it must
 *  read nothing: onOpen may run in AuthMode.NONE); the others the context and parsed arguments. */
export type ScriptHandlers = {
  [K in ScriptCallName]: K extends MenuOpenName
    ? (...args: unknown[]) => unknown
    : (ctx: ScriptContext, ...args: ArgsOut<ServerCalls[K]['args']>) => unknown;
};

type SidebarGlobal<K extends SidebarCallName> = (...args: unknown[]) => ReturnType<ServerCalls[K]['run']>;

export type Globals<H extends ScriptHandlers> =
  & { readonly [K in SidebarCallName]: SidebarGlobal<K> }
  & { readonly [K in ScriptCallName]: (...args: unknown[]) => ReturnType<H[K]> | (K extends MenuOpenName ? never : Refusal) };

function show(message: string): void {
  // A menu run has a spreadsheet to show it on; a dialog shows the answer itself.
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message);
  } catch {
    // No UI (a trigger, the editor's Run): the answer and the log are enough.
  }
}

function refuseTrigger(name: string, code: RefusalCode): Refusal {
  console.warn(`${name}: refused (${code}): not a run of this project's own trigger for it`);
  return refusal(code, rememberedLanguage());
}

type AnyHandler = (...args: unknown[]) => unknown;

function scriptGlobal(name: ScriptCallName, spec: ScriptCall, handler: AnyHandler): (...args: unknown[]) => unknown {
  const access = spec.access;
  if (access === 'menu-open') return (...args) => handler(...args);
  const rule = spec.bootstrap ? 'setup' as const : access;
  const run = (ports: GooglePorts, args: unknown[]): unknown => {
    const event = args[0];
    if (spec.trigger !== undefined && event !== undefined && event !== null) {
      const why = triggerRunRefusal(spec.trigger, name, event);
      if (why === null) {
        if (spec.trigger === 'form_submit') {
          const range = (event as { range: GoogleAppsScript.Spreadsheet.Range }).range;
          // Every form linked to the spreadsheet fires every form-submit trigger: each handler takes
          // only the answers of its own form's response tab.
          if (name === 'onWorkReportSubmit') {
            if (!isWorkReportResponseTab(range)) return refuseTrigger(name, 'not_work_report_form');
          } else if (!isSignupResponseTab(range, () => ports.store)) return refuseTrigger(name, 'not_signup_form');
        }
        return handler({ ports, caller: null, settings: null, triggerEvent: event } satisfies ScriptContext);
      }
      // Not a trigger run. A function people may run by hand falls back to their check (a menu
      // may pass something; a forged event gets no further than the caller could anyway).
      if (rule === 'trigger') return refuseTrigger(name, why);
    }
    if (rule === 'trigger') return refuseTrigger(name, 'not_a_trigger');
    const admitted = admitPerson(ports, rule);
    if (!admitted.ok) {
      console.warn(`${name}: refused (${admitted.code})`);
      show(admitted.message);
      return admitted;
    }
    const parsed: unknown[] = [];
    for (const [i, schema] of spec.args.entries()) {
      const r = schema.safeParse(args[i]);
      if (!r.success) {
        const detail = inputIssuesText(inputIssuesOf(r.error.issues, 'input'), admitted.settings.language);
        return refusal('bad_input', admitted.settings.language, { detail });
      }
      parsed.push(r.data);
    }
    return handler({ ports, caller: admitted, settings: admitted.settings, triggerEvent: undefined } satisfies ScriptContext, ...parsed);
  };
  return (...args: unknown[]) => {
    const ports = googlePorts();
    try {
      return run(ports, args);
    } finally {
      // What the run read fresh (設定, コーディネータ, header rows) for the next few minutes' runs.
      ports.deskCache.commit();
    }
  };
}

/** Every entry of the table as a function: the sidebar's through the desk API, the others through
 *  their handler behind the check. Builds closures only: no service is called until one runs. */
export function serverGlobals<H extends ScriptHandlers>(desk: () => DeskApi, handlers: H): Globals<H> {
  const out: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of CALL_NAMES) {
    const spec = SERVER_CALLS[name as CallName];
    if (spec.surface === 'sidebar') {
      const run = spec.run as (api: DeskApi, ...args: unknown[]) => unknown;
      out[name] = (...args) => run(desk(), ...args);
    } else {
      out[name] = scriptGlobal(name as ScriptCallName, spec, handlers[name as ScriptCallName] as AnyHandler);
    }
  }
  return out as Globals<H>;
}
