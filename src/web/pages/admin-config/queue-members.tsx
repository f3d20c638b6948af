import { Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { referenceQueries } from '../../api/queries.ts';
import { FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { configFieldError } from './config-field-error.ts';
import { notifySaved } from './notify-saved.ts';

interface Members {
  resourceIds: number[];
}

/** A queue's members (who is told about its tickets), picked by name; saved on their own. */
export function QueueMembers({ queueId }: { queueId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const queryKey = ['adminConfig', 'queueMembers', queueId];
  const members = useQuery({
    queryKey,
    queryFn: () => api.get<Members>(`/api/v1/queues/${queueId}/members`),
  });
  const people = useQuery(referenceQueries.resources).data ?? [];
  const [chosen, setChosen] = useState<string[] | null>(null);
  const stored = (members.data?.resourceIds ?? []).map(String);
  const value = chosen ?? stored;
  const save = useMutation({
    mutationFn: (resourceIds: number[]) =>
      api.put<Members>(`/api/v1/queues/${queueId}/members`, { resourceIds }),
    onSuccess: async () => {
      setChosen(null);
      notifySaved(t('config.members.saved'), t('config.close'));
      await queryClient.invalidateQueries({ queryKey });
    },
  });
  // Active people, and anyone already a member (so an inactive member still shows by name).
  const options = people
    .filter((person) => person.active || stored.includes(String(person.id)))
    .map((person) => ({ value: String(person.id), label: `${person.firstName} ${person.lastName}` }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('config.members.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('config.members.intro')}
        </Text>
        <MultiSelect
          label={t('config.members.label')}
          data={options}
          value={value}
          onChange={setChosen}
          searchable
          clearable
          nothingFoundMessage={t('config.members.nobody')}
          error={configFieldError(save.error, 'resourceIds')}
        />
        {save.isError && !configFieldError(save.error, 'resourceIds') && <FormError error={save.error} />}
        <Group>
          <Button
            variant="default"
            loading={save.isPending}
            disabled={chosen === null}
            onClick={() => save.mutate(value.map(Number))}
          >
            {t('config.members.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
