import type { DeskApi } from '../app/server-calls';
import { createSidebarApi } from '../app/sidebar/sidebar-api';
import { menuText } from '../domain/messages/catalog';
import { googlePorts } from '../gas/google-ports';
import { rememberedLanguage } from '../gas/center-language';
import { attendanceApi } from './attendance';
import { createWorkApi } from '../app/work/work-api';

// The coordinator sidebar on Google: the menu item that opens it, and the desk API its
// google.script.run calls reach (their names, arguments and rules: src/app/server-calls.ts).
// Each call builds the Google ports (no service call until used) and hands its JSON arguments to
// the shared server API, which validates, authorizes, locks and answers ApiResult.

/** Both halves of the sidebar's server over one set of Google ports. */
export function deskApi(): DeskApi {
  const ports = googlePorts();
  // The script lock, like the other features' writers: 監査ログ is appended by more than one
  // feature, so every writer must queue behind the same lock.
  const sidebar = createSidebarApi({
    store: ports.store, lock: ports.lock, clock: ports.clock, user: ports.user, props: ports.properties, cache: ports.deskCache,
  });
  const work = createWorkApi({
    store: ports.store, lock: ports.lock, clock: ports.clock, user: ports.user, props: ports.properties, cache: ports.deskCache,
  });
  return { ...sidebar, ...attendanceApi(ports), ...work };
}

/** Menu: 生きがい就労 → サイドバーを開く. The HTML is dist/sidebar.html, served as it is (no template). */
export function showSidebar(): void {
  // The menu's name (the sidebar part of the catalog stays out of the server bundle).
  const title = menuText(rememberedLanguage()).title;
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle(title));
}
