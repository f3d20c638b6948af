import type { CSSProperties } from 'react';

/**
 * Mantine's error red (red 6) is below 4.5:1 on white, so a field error failed axe's contrast rule.
 * Set on a screen's root, the variable reaches every field error and invalid input below it.
 * (The theme in main.tsx is the place to do this for every screen; until then, per screen.)
 */
export const readableErrors = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;
