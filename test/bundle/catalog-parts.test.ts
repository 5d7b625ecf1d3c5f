import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS, type Catalog } from '../../src/domain/messages/catalog';
import { BUNDLE_PATH, ensureBuilt, REPO } from './harness';

// The catalog (src/domain/messages) is read part by part, so each bundle carries only the parts
// it uses: the sidebar's page the sidebar part, the server bundle the rest but the command line's
// (ikigai weekly's lines, on Node only). Checked on the built files (`npm run build` first) by
// looking for each part's fixed sentences in them.
const SIDEBAR_PATH = join(REPO, 'dist', 'sidebar.html');

/** A part's fixed sentences (not the functions, nor single words such as 会員 or Status, which
 *  other modules say too). */
function texts(part: unknown): string[] {
  if (typeof part === 'string') return /[。…]|\S \S+ \S/.test(part) && part.length >= 8 ? [part] : [];
  if (typeof part === 'function' || part === null || typeof part !== 'object') return [];
  return Object.values(part).flatMap(texts);
}

function partTexts(pick: (c: Catalog) => unknown): Set<string> {
  return new Set([...texts(pick(CATALOGS.ja)), ...texts(pick(CATALOGS.en))]);
}

describe('the catalog parts each bundle carries', () => {
  ensureBuilt();
  const sidebarPage = readFileSync(SIDEBAR_PATH, 'utf8');
  const server = readFileSync(BUNDLE_PATH, 'utf8');
  const sidebarPart = partTexts((c) => c.sidebar);
  const serverParts = partTexts((c) => { const { sidebar: _sidebar, weeklyCommand: _command, ...rest } = c; return rest; });

  it('finds enough sentences in each part to tell', () => {
    expect(sidebarPart.size).toBeGreaterThanOrEqual(20);
    expect(serverParts.size).toBeGreaterThanOrEqual(15);
  });

  it('the sidebar page has the sidebar part and none of the others (menu, setup, errors, problems…)', () => {
    expect([...sidebarPart].filter((t) => !sidebarPage.includes(t))).toEqual([]);
    expect([...serverParts].filter((t) => !sidebarPart.has(t) && sidebarPage.includes(t))).toEqual([]);
  });

  it('the server bundle has the menu, setup, dialog, weekly, error and problem texts but not the sidebar part', () => {
    expect([...serverParts].filter((t) => !server.includes(t))).toEqual([]);
    expect([...sidebarPart].filter((t) => !serverParts.has(t) && server.includes(t))).toEqual([]);
  });
});
