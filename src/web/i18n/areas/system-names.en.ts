/** English texts of this area; en.ts spreads them in. Keys start with the area's prefix. */
export const systemNamesEn = {
  'systemNames.note': 'Names the system provides are shown in your language.',
} as const;
