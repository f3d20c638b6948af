import { Button, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';

/** The seed's advice for a set-up's configuration (scenario 3): names that start with the set-up's code. */
export const setUpPrefix = 'C_SRC';

export function withSetUpPrefix(name: string, prefix = setUpPrefix): string {
  const trimmed = name.trimStart();
  return trimmed.startsWith(prefix) ? trimmed : `${prefix} ${trimmed}`.trimEnd();
}

/**
 * Under a name field of configuration that belongs to a set-up (a department, location, queue,
 * category, work type, rule or level for the facilities desk): suggests the prefix so the MSP's
 * own configuration and the set-up's stay apart in every picker. Hidden once the name has it.
 */
export function PrefixHint({
  name,
  onApply,
  prefix = setUpPrefix,
}: {
  name: string;
  onApply: (named: string) => void;
  prefix?: string;
}) {
  const { t } = useI18n();
  if (name.trimStart().startsWith(prefix)) return null;
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Text size="xs" c="dimmed">
        {t('kit.prefixHint', { prefix })}
      </Text>
      <Button size="compact-xs" variant="light" onClick={() => onApply(withSetUpPrefix(name, prefix))}>
        {t('kit.prefixApply', { prefix })}
      </Button>
    </Group>
  );
}
