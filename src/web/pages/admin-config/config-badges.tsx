import { Badge, Group } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ConfigKind, ConfigRow } from './config-kinds.ts';

/** Active or not, default/system/set-up markers: the state of a row at a glance, in words. */
export function ConfigBadges({ kind, row }: { kind: ConfigKind; row: ConfigRow }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant={row.active ? 'filled' : 'outline'} color={row.active ? 'teal.9' : 'gray.8'} tt="none">
        {row.active ? t('config.marker.active') : t('config.marker.inactive')}
      </Badge>
      {(kind.markers?.(row) ?? []).map((marker) => (
        <Badge key={marker} variant="outline" color="blue.9" tt="none">
          {t(marker)}
        </Badge>
      ))}
    </Group>
  );
}
