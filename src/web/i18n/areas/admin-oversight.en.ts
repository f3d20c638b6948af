/** English texts of this area; en.ts spreads them in. Keys start with the area's prefix. */
export const adminOversightEn = {
  'oversight.title': 'Audit and mail',
} as const;
