import { Alert, Button, Group, MultiSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { fieldError, FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { coManagedKeys, personName, type Team, type useCoManagedData } from './co-managed-data.ts';

type Data = ReturnType<typeof useCoManagedData>;

interface TeamDetails {
  name: string;
  description: string;
}

const detailsBody = (details: TeamDetails) => ({
  name: details.name,
  description: details.description.trim() === '' ? null : details.description,
});

/** Name and description of a team: the form that adds one and the one that changes it. */
function TeamDetailsForm({
  initial,
  submitLabel,
  save,
  onCancel,
}: {
  initial: TeamDetails;
  submitLabel: string;
  save: ReturnType<typeof useMutation<Team, Error, TeamDetails>>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [details, setDetails] = useState(initial);
  const atAField = ['name', 'description'].some((field) => fieldError(save.error, field));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(details);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('teams.name')}
          required
          value={details.name}
          onChange={(event) => setDetails({ ...details, name: event.currentTarget.value })}
          error={fieldError(save.error, 'name')}
          maw={420}
        />
        <Textarea
          label={t('teams.description')}
          value={details.description}
          onChange={(event) => setDetails({ ...details, description: event.currentTarget.value })}
          error={fieldError(save.error, 'description')}
          autosize
          minRows={2}
        />
        <FormError error={atAField ? null : save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('teams.cancel')}
            </Button>
          )}
          {save.isSuccess && !onCancel && <Text role="status">{t('teams.saved')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}

/** "New team": a button that opens the small form; the new team is selected once it is saved. */
export function NewTeam({ onCreated }: { onCreated: (id: number) => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: (details: TeamDetails) => api.post<Team>('/api/v1/co-managed/teams', detailsBody(details)),
    onSuccess: async (team) => {
      await client.invalidateQueries({ queryKey: coManagedKeys.teams });
      setOpen(false);
      onCreated(team.id);
    },
  });
  if (!open) {
    return (
      <Button variant="default" onClick={() => setOpen(true)} w="fit-content">
        {t('teams.new')}
      </Button>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-label={t('teams.newTitle')}>
      <Title order={2} size="h4">
        {t('teams.newTitle')}
      </Title>
      <TeamDetailsForm
        initial={{ name: '', description: '' }}
        submitLabel={t('teams.create')}
        save={create}
        onCancel={() => setOpen(false)}
      />
    </Stack>
  );
}

/**
 * One team's details, members (co-managing users, by name) and deletion. Deleting says what it
 * does first: the team's grants go with it (the database cascades them), members keep their own.
 */
export function TeamEditor({ team, data, onDeleted }: { team: Team; data: Data; onDeleted: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: coManagedKeys.all });
  const [memberIds, setMemberIds] = useState(team.memberIds.map(String));
  const [confirming, setConfirming] = useState(false);
  const update = useMutation({
    mutationFn: (details: TeamDetails) =>
      api.patch<Team>(`/api/v1/co-managed/teams/${team.id}`, detailsBody(details)),
    onSuccess: refresh,
  });
  const members = useMutation({
    mutationFn: () =>
      api.put<Team>(`/api/v1/co-managed/teams/${team.id}/members`, { resourceIds: memberIds.map(Number) }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/co-managed/teams/${team.id}`),
    onSuccess: async () => {
      await refresh();
      onDeleted();
    },
  });
  const users = (data.users.data ?? []).map((user) => ({ value: String(user.id), label: personName(user) }));
  return (
    <Stack>
      <Stack gap="xs" component="section" aria-label={t('teams.details')}>
        <Title order={2} size="h4">
          {t('teams.details')}
        </Title>
        <TeamDetailsForm
          initial={{ name: team.name, description: team.description ?? '' }}
          submitLabel={t('teams.save')}
          save={update}
        />
      </Stack>
      <Stack gap="xs" component="section" aria-label={t('teams.members')}>
        <MultiSelect
          label={t('teams.members')}
          description={t('teams.membersHint')}
          data={users}
          value={memberIds}
          onChange={setMemberIds}
          searchable
          hidePickedOptions
          nothingFoundMessage={t('teams.noUsers')}
          error={fieldError(members.error, 'resourceIds')}
        />
        <FormError error={fieldError(members.error, 'resourceIds') ? null : members.error} />
        <Group>
          <Button variant="default" loading={members.isPending} onClick={() => members.mutate()}>
            {t('teams.saveMembers')}
          </Button>
          {members.isSuccess && <Text role="status">{t('teams.saved')}</Text>}
        </Group>
      </Stack>
      {confirming ? (
        <Alert color="red" variant="light" title={t('teams.delete')} role="alertdialog">
          <Stack gap="sm">
            <Text size="sm">{t('teams.deleteWhat', { name: team.name })}</Text>
            <Group>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t('teams.deleteConfirm', { name: team.name })}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('teams.cancel')}
              </Button>
            </Group>
            <FormError error={remove.error} />
          </Stack>
        </Alert>
      ) : (
        <Button color="red" variant="subtle" onClick={() => setConfirming(true)} w="fit-content">
          {t('teams.delete')}
        </Button>
      )}
    </Stack>
  );
}
