import { en, type MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';

/** A system dashboard's titles are message keys (shown in the reader's language); an owner's are their own words. */
export function widgetTitle(t: Translate, title: string): string {
  return title in en ? t(title as MessageKey) : title;
}
