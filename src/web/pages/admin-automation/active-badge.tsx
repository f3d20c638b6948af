import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';

/** Active or not, in the contrast the configuration screens use (AA). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge variant={active ? 'filled' : 'outline'} color={active ? 'teal.9' : 'gray.8'} tt="none">
      {active ? t('automation.active') : t('automation.inactive')}
    </Badge>
  );
}
