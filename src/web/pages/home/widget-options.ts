/** Live enough for a desk without hammering the server: every widget refreshes on its own. */
export const live = { refetchInterval: 60_000 } as const;

/** The charts picture the table beneath them: no keyboard layer of their own (axe: hidden but focusable). */
export const quietChart = { accessibilityLayer: false } as const;
