/** English texts of this area; en.ts spreads them in. Keys start with the area's prefix. */
export const coManagedWizardEn = {
  'wizard.title': 'Enable co-managed access',
} as const;
