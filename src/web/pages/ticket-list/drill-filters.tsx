import { CloseButton, Group, Pill, Text } from '@mantine/core';
import type { SlaObjectiveKind } from '../../../modules/sla/sla-objectives.ts';
import type { SlaTargetState } from '../../../shared/access-vocabulary.ts';
import { useNames } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { drillKeys, type TicketSearch } from './ticket-search.ts';

/**
 * The filters a dashboard figure added that the filter panel has no field for, as chips that say
 * what they mean and can be removed — the list never filters by something the reader cannot see.
 */
export function DrillFilters({
  search,
  setFilter,
}: {
  search: TicketSearch;
  setFilter: (patch: TicketSearch) => void;
}) {
  const { t, formatDate } = useI18n();
  const names = useNames();
  const active = drillKeys.filter((key) => search[key] !== undefined);
  if (active.length === 0) return null;
  const describe = (key: (typeof drillKeys)[number], value: string): string => {
    const day = () => formatDate(`${value}T12:00:00Z`);
    switch (key) {
      case 'categoryId':
        return `${t('drill.category')}: ${value
          .split(',')
          .map((id) => names.category(Number(id)))
          .join(', ')}`;
      case 'primaryResourceId':
        return value === 'none'
          ? t('drill.unassigned')
          : `${t('drill.primary')}: ${value
              .split(',')
              .map((id) => (id === 'none' ? t('drill.unassigned') : names.resource(Number(id))))
              .join(', ')}`;
      case 'coManagedVisible':
        return value === 'true' ? t('drill.coManagedVisible') : t('drill.notCoManagedVisible');
      case 'createdOn':
        return t('drill.createdOn', { day: day() });
      case 'createdFrom':
        return t('drill.createdFrom', { day: day() });
      case 'slaTarget': {
        // The API refused the request already if these are not an objective and a state.
        const [objective, state] = value.split(':') as [SlaObjectiveKind, SlaTargetState];
        return t('drill.slaTarget', {
          objective: t(`home.sla.objective.${objective}`),
          state: t(`home.sla.${state}`),
        });
      }
      case 'completedOn':
        return t('drill.completedOn', { day: day() });
      case 'openOn':
        return t('drill.openOn', { day: day() });
    }
  };
  return (
    <Group gap="xs" aria-label={t('drill.label')} role="group">
      <Text size="sm" c="dimmed">
        {t('drill.label')}
      </Text>
      {active.map((key) => {
        const text = describe(key, search[key] ?? '');
        return (
          <Pill key={key} size="md">
            <Group gap={4} wrap="nowrap">
              {text}
              <CloseButton
                size="xs"
                aria-label={t('drill.remove', { filter: text })}
                onClick={() => setFilter({ [key]: undefined })}
              />
            </Group>
          </Pill>
        );
      })}
    </Group>
  );
}
