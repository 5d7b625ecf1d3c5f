import type { Language } from '../domain/enums';

// Setup remembers the center's language in a document property, for the places that cannot
// afford to read 設定 for one word: the menu (onOpen may run with no access to the sheet at all)
// and the sidebar's title.
export const LANGUAGE_PROPERTY = 'ikigai.language';

/** The remembered language; Japanese when none is remembered or properties cannot be read. */
export function rememberedLanguage(): Language {
  try {
    return PropertiesService.getDocumentProperties().getProperty(LANGUAGE_PROPERTY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}
