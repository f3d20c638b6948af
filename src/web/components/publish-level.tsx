import { Badge, Select } from '@mantine/core';
import { type PublishLevel, publishLevels, readablePublishLevels } from '../../shared/access-vocabulary.ts';
import { useMe } from '../api/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';

const colours: Record<PublishLevel, string> = {
  internal: 'red',
  internal_and_co_managed: 'violet',
  all: 'green',
  customer_internal: 'orange',
};

/**
 * Who can read an entry, as a badge: the server's own words (`publishLevelLabel`,
 * English), or their German translation when German is chosen.
 */
export function PublishLevelBadge({ level, label }: { level: PublishLevel; label: string }) {
  const { t, locale } = useI18n();
  const text = locale === 'en' ? label : t(`publish.${level}`);
  return (
    // Dark text on the tint: the tinted text of a light badge fails WCAG contrast for orange and green.
    <Badge
      color={colours[level]}
      c="dark.7"
      variant="light"
      tt="none"
      data-testid="publish-level"
      title={text}
    >
      {text}
    </Badge>
  );
}

/**
 * The levels offered come from the shared vocabulary the server checks with
 * (`readablePublishLevels`); the server still decides, and a 422 names what is allowed.
 */
export function PublishLevelSelect({
  value,
  onChange,
  label,
  required,
  placeholder,
  error,
  allowed,
}: {
  value: PublishLevel | null;
  onChange: (level: PublishLevel | null) => void;
  label: string;
  required?: boolean;
  placeholder?: string;
  error?: string | null;
  allowed?: readonly PublishLevel[] | null;
}) {
  const { t } = useI18n();
  const me = useMe();
  const offered = allowed ?? readablePublishLevels[me.licence];
  return (
    <Select
      label={label}
      required={required}
      placeholder={placeholder}
      error={error}
      value={value}
      clearable={!required}
      onChange={(next) => {
        onChange(publishLevels.find((level) => level === next) ?? null);
      }}
      data={offered.map((level) => ({ value: level, label: t(`publish.${level}`) }))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
