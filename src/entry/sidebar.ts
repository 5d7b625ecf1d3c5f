import { createSidebarApi, type SidebarApi } from '../app/sidebar-api';
import type {
  ApiResult, Bootstrap, CandidatesOutput, ChangeMatchStatusOutput, LogActivityOutput, RegisterClientOutput, RegisterJobOutput,
  SearchMembersOutput, WeekHeadline,
} from '../app/sidebar-types';
import { googlePorts } from '../gas/google-ports';
import { rememberedLanguage } from '../gas/center-language';

// Apps Script entry points of the coordinator sidebar: the menu item that opens it and the
// functions its google.script.run calls reach. Each call builds the Google ports (no service
// call until used) and hands its JSON arguments to the shared server API, which validates,
// authorizes, locks and answers ApiResult: a person never sees a stack trace.

function sidebarApi(): SidebarApi {
  const ports = googlePorts();
  // The script lock, like the other features' writers: 監査ログ is appended by more than one
  // feature, so every writer must queue behind the same lock.
  return createSidebarApi({ store: ports.store, lock: ports.lock, clock: ports.clock, user: ports.user, props: ports.properties });
}

/** Menu: 生きがい就労 → サイドバーを開く. The HTML is dist/sidebar.html, served as it is (no template). */
export function showSidebar(): void {
  const title = rememberedLanguage() === 'en' ? 'Ikigai Desk' : '生きがい就労';
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle(title));
}

export function sidebarBootstrap(): ApiResult<Bootstrap> {
  return sidebarApi().sidebarBootstrap();
}

export function logActivity(input: unknown): ApiResult<LogActivityOutput> {
  return sidebarApi().logActivity(input);
}

export function listCandidates(jobId: unknown): ApiResult<CandidatesOutput> {
  return sidebarApi().listCandidates(jobId);
}

export function changeMatchStatus(input: unknown): ApiResult<ChangeMatchStatusOutput> {
  return sidebarApi().changeMatchStatus(input);
}

export function weekHeadline(): ApiResult<WeekHeadline> {
  return sidebarApi().weekHeadline();
}

/** The member picker's search at a center too large to send every member (sidebar-bootstrap.ts). */
export function searchMembers(query: unknown): ApiResult<SearchMembersOutput> {
  return sidebarApi().searchMembers(query);
}

/** 開拓 panel: a new client (業務提供先) won on a visit. */
export function registerClient(input: unknown): ApiResult<RegisterClientOutput> {
  return sidebarApi().registerClient(input);
}

/** 開拓 panel: a new job (仕事) for a client already registered. */
export function registerJob(input: unknown): ApiResult<RegisterJobOutput> {
  return sidebarApi().registerJob(input);
}
