import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** English or German, for the app's, the portal's and the sign-in page's headers. */
export function LanguageSwitch({ style }: { style?: SegmentedControlProps['style'] }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <SegmentedControl
      style={style}
      size="xs"
      aria-label={t('app.language')}
      value={locale}
      onChange={(value) => {
        setLocale(value);
      }}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'de', label: 'DE' },
      ]}
    />
  );
}
