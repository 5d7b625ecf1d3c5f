import { CATALOGS, type Catalog } from '../../../src/domain/messages/catalog';

// The two catalogs (src/domain/messages/ja.ts, en.ts) must have the same keys all the way down:
// en.ts is typed against ja.ts, so this is the run-time half of that promise (an extra part
// exported by en.ts, or a cast, would slip past the types).

type Leaf = 'string' | 'function' | `array of ${number}`;

/** Every leaf of a catalog as `part.key.key` → what it is. */
function leaves(value: unknown, path: string, out: Map<string, Leaf>): Map<string, Leaf> {
  if (typeof value === 'string') out.set(path, 'string');
  else if (typeof value === 'function') out.set(path, 'function');
  else if (Array.isArray(value)) out.set(path, `array of ${value.length}`);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  } else throw new Error(`${path}: a catalog holds texts, functions and lists only, not ${String(value)}`);
  return out;
}

/** Every text a catalog can say, each function called with stand-in parameters. */
function rendered(catalog: Catalog): Map<string, string> {
  // One stand-in for every argument: a text (it turns into «x», and its string and list methods
  // answer «x»), and an object of named parts (p.email is «email»).
  const params: unknown = new Proxy({}, {
    get: (_t, key) => {
      if (key === Symbol.toPrimitive) return () => '«x»';
      if (typeof key !== 'string') return undefined;
      if (key in String.prototype || key in Array.prototype) return () => '«x»';
      return `«${key}»`;
    },
  });
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') {
      const text = (value as (...a: unknown[]) => unknown)(...Array.from({ length: Math.max(value.length, 1) }, () => params));
      out.set(path, String(text));
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else for (const [key, inner] of Object.entries(value as object)) walk(inner, path ? `${path}.${key}` : key);
  };
  walk(catalog, '');
  return out;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;

describe('the message catalogs', () => {
  it('have the same parts and keys in Japanese and English, each a text, a function or a list of the same length', () => {
    const ja = leaves(CATALOGS.ja, '', new Map());
    const en = leaves(CATALOGS.en, '', new Map());
    expect([...en.keys()].sort()).toEqual([...ja.keys()].sort());
    expect(Object.fromEntries(en)).toEqual(Object.fromEntries(ja));
  });

  it('hold the parts every surface reads: problems, menu, setup, dialog, weekly toasts and lines, errors, words, sidebar, the survey mail, the 年度統計 tab, the monthly close, the 就業報告 recheck', () => {
    expect(Object.keys(CATALOGS.ja).sort()).toEqual(['common', 'dialog', 'errors', 'menu', 'problems', 'setup', 'sidebar', 'stats', 'surveyMail', 'weekly', 'weeklyCommand', 'words', 'workClose', 'workReportRecheck']);
  });

  it('say something in every entry, and the English one in English (no Japanese of its own; a parameter may be)', () => {
    for (const [key, text] of rendered(CATALOGS.en)) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, japanese: JAPANESE.test(text.replace(/«[^»]*»/g, '')) }).toEqual({ key, japanese: false });
    }
    for (const [key, text] of rendered(CATALOGS.ja)) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });
});
