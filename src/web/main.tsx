import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './app/app.css';
import {
  type CSSVariablesResolver,
  type MantineThemeOverride,
  createTheme,
  MantineProvider,
  Notification,
  TableScrollContainer,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { type ReactNode, StrictMode, useMemo } from 'react';
import { useBranding } from './api/branding.ts';
import { createRoot } from 'react-dom/client';
import { queryClient } from './api/queries.ts';
import { router } from './app/router.tsx';
import { I18nProvider } from './i18n/i18n.tsx';

// Blue 8 on white passes WCAG AA for text; focus rings stay visible for keyboard users. A table
// wider than a phone scrolls sideways: its scroll area takes focus, so the keyboard can scroll it
// (axe: scrollable-region-focusable).
const baseTheme: MantineThemeOverride = {
  primaryColor: 'blue',
  primaryShade: 8,
  focusRing: 'auto',
  defaultRadius: 'sm',
  components: {
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
    // Toasts close by themselves; their close button had no name a screen reader could say (the
    // theme is built before the language is known), which axe rightly refused.
    Notification: Notification.extend({ defaultProps: { withCloseButton: false } }),
  },
};
// Mantine's default "dimmed" grey and its field-error red are below 4.5:1 on white; darker shades pass WCAG AA.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/** The theme in the MSP's accent colour (#14): one of the palettes that keep AA contrast at shade 8. */
function BrandedMantine({ children }: { children: ReactNode }) {
  const { accentColor } = useBranding();
  const theme = useMemo(() => createTheme({ ...baseTheme, primaryColor: accentColor }), [accentColor]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrandedMantine>
        <Notifications position="bottom-right" />
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </BrandedMantine>
    </QueryClientProvider>
  </StrictMode>,
);
