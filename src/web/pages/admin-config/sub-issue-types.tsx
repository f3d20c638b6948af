import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { SubIssueType } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { configFieldError } from './config-field-error.ts';
import { DeleteConfigButton } from './delete-config-button.tsx';

/** The sub-issue types of one issue type: add, rename, switch on and off, delete. */
export function SubIssueTypes({ issueTypeId }: { issueTypeId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const queryKey = queryKeys.reference.subIssueTypes(issueTypeId);
  const list = useQuery({
    queryKey,
    queryFn: () =>
      api
        .get<{ items: SubIssueType[] }>(`/api/v1/issue-types/${issueTypeId}/sub-issue-types`)
        .then((result) => result.items),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () =>
      api.post<SubIssueType>(`/api/v1/issue-types/${issueTypeId}/sub-issue-types`, { name: name.trim() }),
    onSuccess: async () => {
      setName('');
      await refresh();
    },
  });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('config.sub.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('config.sub.intro')}
        </Text>
        {(list.data ?? []).length === 0 && list.isSuccess && <Text c="dimmed">{t('config.sub.none')}</Text>}
        <Stack gap="xs" role="list" aria-label={t('config.sub.title')}>
          {(list.data ?? []).map((sub) => (
            <SubIssueTypeRow key={`${sub.id}:${sub.name}:${sub.active}`} sub={sub} onChanged={refresh} />
          ))}
        </Stack>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('config.sub.newName')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={configFieldError(add.error, 'name')}
              style={{ flex: '1 1 220px' }}
            />
            <Button type="submit" variant="default" loading={add.isPending}>
              {t('config.sub.add')}
            </Button>
          </Group>
          {add.isError && !configFieldError(add.error, 'name') && <FormError error={add.error} />}
        </form>
      </Stack>
    </Paper>
  );
}

function SubIssueTypeRow({ sub, onChanged }: { sub: SubIssueType; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [name, setName] = useState(sub.name);
  const save = useMutation({
    mutationFn: (body: { name?: string; active?: boolean }) =>
      api.patch<SubIssueType>(`/api/v1/sub-issue-types/${sub.id}`, body),
    onSuccess: onChanged,
  });
  return (
    <Group role="listitem" gap="xs" align="flex-start" wrap="wrap">
      <TextInput
        aria-label={t('config.sub.nameOf', { name: sub.name })}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={configFieldError(save.error, 'name')}
        disabled={!sub.abilities.edit}
        style={{ flex: '1 1 200px' }}
      />
      {name.trim() !== sub.name && (
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('config.sub.rename', { name: sub.name })}
          onClick={() => save.mutate({ name: name.trim() })}
        >
          ✓
        </ActionIcon>
      )}
      <Switch
        label={t('config.field.active')}
        aria-label={t('config.sub.activeOf', { name: sub.name })}
        checked={sub.active}
        onChange={(event) => save.mutate({ active: event.currentTarget.checked })}
        disabled={!sub.abilities.edit}
        mt={6}
      />
      {!sub.active && (
        <Badge variant="outline" color="gray.8" tt="none" mt={6}>
          {t('config.marker.inactive')}
        </Badge>
      )}
      {sub.abilities.delete && (
        <DeleteConfigButton
          path={`/api/v1/sub-issue-types/${sub.id}`}
          name={sub.name}
          onDeleted={onChanged}
          named
        />
      )}
      {save.isError && !configFieldError(save.error, 'name') && <FormError error={save.error} />}
    </Group>
  );
}
