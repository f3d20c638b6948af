import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import { fieldError } from '../../api/field-errors.ts';
import { referenceQueries, useMe } from '../../api/queries.ts';
import type { SavedDashboard } from '../../api/report-contract.ts';
import { FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const options = (rows: { id: number; name: string }[]) =>
  rows.map((row) => ({ value: String(row.id), label: row.name }));
const ids = (values: string[]) => values.map(Number);

/** Publishes a dashboard read-only to security levels and departments (MSP staff) or to people. */
export function ShareDialog({ dashboard, onClose }: { dashboard: SavedDashboard; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const msp = me.licence === 'full';
  const levels = useQuery({
    queryKey: ['dashboards', 'share', 'levels'],
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/v1/security-levels'),
    enabled: msp,
  });
  const departments = useQuery({
    queryKey: ['dashboards', 'share', 'departments'],
    queryFn: () => api.get<Page<{ id: number; name: string }>>('/api/v1/departments', { limit: 200 }),
    enabled: msp,
  });
  const people = (useQuery(referenceQueries.resources).data ?? []).filter((person) => person.id !== me.id);
  const shares = dashboard.shares ?? { securityLevelIds: [], departmentIds: [], resourceIds: [] };
  const [levelIds, setLevelIds] = useState(shares.securityLevelIds.map(String));
  const [departmentIds, setDepartmentIds] = useState(shares.departmentIds.map(String));
  const [resourceIds, setResourceIds] = useState(shares.resourceIds.map(String));
  const save = useMutation({
    mutationFn: () =>
      api.put<SavedDashboard>(`/api/v1/dashboards/${dashboard.id}/shares`, {
        securityLevelIds: ids(levelIds),
        departmentIds: ids(departmentIds),
        resourceIds: ids(resourceIds),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['dashboards'] });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('dashboards.shareTitle', { name: dashboard.name })}
      closeButtonProps={{ 'aria-label': t('dashboards.cancel') }}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {t('dashboards.shareIntro')}
        </Text>
        {msp && (
          <>
            <MultiSelect
              label={t('dashboards.shareLevels')}
              data={options(levels.data?.items ?? [])}
              value={levelIds}
              onChange={setLevelIds}
              searchable
              error={fieldError(save.error, 'securityLevelIds')}
            />
            <MultiSelect
              label={t('dashboards.shareDepartments')}
              data={options(departments.data?.items ?? [])}
              value={departmentIds}
              onChange={setDepartmentIds}
              searchable
              error={fieldError(save.error, 'departmentIds')}
            />
          </>
        )}
        <MultiSelect
          label={t('dashboards.sharePeople')}
          data={people.map((person) => ({
            value: String(person.id),
            label: `${person.firstName} ${person.lastName}`,
          }))}
          value={resourceIds}
          onChange={setResourceIds}
          searchable
          error={fieldError(save.error, 'resourceIds')}
        />
        <FormError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('dashboards.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('dashboards.shareSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
