import { Alert, Button, Group, MultiSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, isApiError } from '../../api/client.ts';
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

/** Team names are unique: the database's refusal of a second one belongs at the name field. */
const nameTaken = (error: unknown) =>
  isApiError(error, 409) && error.details.constraint === 'co_managing_teams_name_unique';

/**
 * The refusal of a members save belongs at the members field: a validation issue there, or a
 * refusal that names the people (not found, or not co-managing users).
 */
const membersError = (error: unknown) =>
  fieldError(error, 'resourceIds') ??
  (isApiError(error) && Array.isArray(error.details.resourceIds) ? error.message : undefined);

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
  const nameError =
    fieldError(save.error, 'name') ??
    (nameTaken(save.error) ? t('coManagedAdmin.teams.nameTaken') : undefined);
  const atAField = nameError !== undefined || fieldError(save.error, 'description') !== undefined;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(details);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={t('coManagedAdmin.teams.name')}
          required
          value={details.name}
          onChange={(event) => setDetails({ ...details, name: event.currentTarget.value })}
          error={nameError}
          maw={420}
        />
        <Textarea
          label={t('coManagedAdmin.teams.description')}
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
              {t('coManagedAdmin.teams.cancel')}
            </Button>
          )}
          {save.isSuccess && !onCancel && <Text role="status">{t('coManagedAdmin.teams.saved')}</Text>}
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
        {t('coManagedAdmin.teams.new')}
      </Button>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-label={t('coManagedAdmin.teams.newTitle')}>
      <Title order={2} size="h4">
        {t('coManagedAdmin.teams.newTitle')}
      </Title>
      <TeamDetailsForm
        initial={{ name: '', description: '' }}
        submitLabel={t('coManagedAdmin.teams.create')}
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
  // Focus follows the confirmation: into it when it opens, back to "Delete team" when it is cancelled.
  const deleteButton = useRef<HTMLButtonElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) cancelDelete.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
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
  const known = (data.users.data ?? []).map((user) => ({ value: String(user.id), label: personName(user) }));
  // A member missing from the co-managing users (still loading, or no longer co-managing) is
  // "Someone", never their id, which the list would otherwise show.
  const users = [
    ...known,
    ...memberIds
      .filter((id) => !known.some((option) => option.value === id))
      .map((id) => ({ value: id, label: t('coManagedAdmin.someone') })),
  ];
  return (
    <Stack>
      <Stack gap="xs" component="section" aria-label={t('coManagedAdmin.teams.details')}>
        <Title order={2} size="h4">
          {t('coManagedAdmin.teams.details')}
        </Title>
        <TeamDetailsForm
          initial={{ name: team.name, description: team.description ?? '' }}
          submitLabel={t('coManagedAdmin.teams.save')}
          save={update}
        />
      </Stack>
      <Stack gap="xs" component="section" aria-label={t('coManagedAdmin.teams.members')}>
        <MultiSelect
          label={t('coManagedAdmin.teams.members')}
          description={t('coManagedAdmin.teams.membersHint')}
          data={users}
          value={memberIds}
          onChange={setMemberIds}
          searchable
          hidePickedOptions
          nothingFoundMessage={t('coManagedAdmin.teams.noUsers')}
          error={membersError(members.error)}
        />
        <FormError error={membersError(members.error) ? null : members.error} />
        <Group>
          <Button variant="default" loading={members.isPending} onClick={() => members.mutate()}>
            {t('coManagedAdmin.teams.saveMembers')}
          </Button>
          {members.isSuccess && <Text role="status">{t('coManagedAdmin.teams.saved')}</Text>}
        </Group>
      </Stack>
      {confirming ? (
        <Alert color="red" variant="light" title={t('coManagedAdmin.teams.delete')} role="alertdialog">
          <Stack gap="sm">
            <Text size="sm">{t('coManagedAdmin.teams.deleteWhat', { name: team.name })}</Text>
            <Group>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t('coManagedAdmin.teams.deleteConfirm', { name: team.name })}
              </Button>
              <Button ref={cancelDelete} variant="default" onClick={() => setConfirming(false)}>
                {t('coManagedAdmin.teams.cancel')}
              </Button>
            </Group>
            <FormError error={remove.error} />
          </Stack>
        </Alert>
      ) : (
        <Button
          ref={deleteButton}
          color="red"
          variant="subtle"
          onClick={() => setConfirming(true)}
          w="fit-content"
        >
          {t('coManagedAdmin.teams.delete')}
        </Button>
      )}
    </Stack>
  );
}
