import { Badge } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';

/** Active or not, in a contrast that passes AA on white and on a card (the tinted green did not). */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <Badge variant={active ? 'filled' : 'outline'} color={active ? 'teal.9' : 'gray.8'} tt="none">
      {active ? t('kit.active') : t('kit.inactive')}
    </Badge>
  );
}
