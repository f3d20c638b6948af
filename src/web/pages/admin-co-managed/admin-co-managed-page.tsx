import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { type Association, coManagedKeys, personName, useCoManagedData } from './co-managed-data.ts';
import type { CoManagedView } from './co-managed-search.ts';
import { NewTeam, TeamEditor } from './team-editor.tsx';
import { WarningsPanel } from './warnings-panel.tsx';

type Data = ReturnType<typeof useCoManagedData>;

function useGrantActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: coManagedKeys.all });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`/api/v1/co-managed/associations/${id}`),
    onSettled: refresh,
  });
  const add = useMutation({
    mutationFn: (body: {
      resourceId?: number;
      teamId?: number;
      companyIds: number[];
      includeSubsidiaries: boolean;
    }) => api.post('/api/v1/co-managed/associations', body),
    onSettled: refresh,
  });
  const primary = useMutation({
    mutationFn: (body: { companyId: number; resourceId: number }) =>
      api.put(`/api/v1/companies/${body.companyId}/primary-co-managing-user`, {
        resourceId: body.resourceId,
      }),
    onSettled: refresh,
  });
  return { remove, add, primary };
}

function GrantTable({ rows, data, show }: { rows: Association[]; data: Data; show: 'grantee' | 'company' }) {
  const { t } = useI18n();
  const actions = useGrantActions();
  const userName = (id: number | null) => {
    const user = data.users.data?.find((row) => row.id === id);
    return user ? personName(user) : t('coManagedAdmin.someone');
  };
  const teamName = (id: number | null) => data.teams.data?.find((row) => row.id === id)?.name ?? '—';
  const companyName = (id: number) => data.companies.data?.find((row) => row.id === id)?.name ?? '—';
  if (rows.length === 0) {
    return (
      <Text c="dimmed">
        {t(show === 'grantee' ? 'coManagedAdmin.noGrants' : 'coManagedAdmin.noCompanies')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              {show === 'grantee' ? t('coManagedAdmin.grantee') : t('coManagedAdmin.company')}
            </Table.Th>
            <Table.Th>{t('coManagedAdmin.includeSubsidiaries')}</Table.Th>
            <Table.Th>{t('coManagedAdmin.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Group gap="xs">
                  {show === 'company' ? (
                    <AnchorLink to="/companies/$companyId" params={{ companyId: String(row.companyId) }}>
                      {companyName(row.companyId)}
                    </AnchorLink>
                  ) : row.teamId !== null ? (
                    <Text size="sm">
                      {t('coManagedAdmin.team')}: {teamName(row.teamId)}
                    </Text>
                  ) : (
                    <Text size="sm">{userName(row.resourceId)}</Text>
                  )}
                  {row.isPrimary && (
                    <Badge variant="light" color="violet" tt="none">
                      {t('coManagedAdmin.primary')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{t(row.includeSubsidiaries ? 'value.yes' : 'value.no')}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {row.resourceId !== null && !row.isPrimary && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() =>
                        actions.primary.mutate({ companyId: row.companyId, resourceId: row.resourceId ?? 0 })
                      }
                    >
                      {t('coManagedAdmin.makePrimary')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => actions.remove.mutate(row.id)}
                  >
                    {t('coManagedAdmin.remove')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddGrant({
  data,
  fixed,
}: {
  data: Data;
  fixed: { companyId?: number; resourceId?: number; teamId?: number };
}) {
  const { t } = useI18n();
  const actions = useGrantActions();
  const [choice, setChoice] = useState<string | null>(null);
  const [subsidiaries, setSubsidiaries] = useState(true);
  const choosingCompany = fixed.companyId === undefined;
  const options = choosingCompany
    ? (data.companies.data ?? []).map((row) => ({ value: String(row.id), label: row.name }))
    : [
        ...(data.users.data ?? []).map((row) => ({ value: `r${row.id}`, label: personName(row) })),
        ...(data.teams.data ?? []).map((row) => ({
          value: `t${row.id}`,
          label: `${t('coManagedAdmin.team')}: ${row.name}`,
        })),
      ];
  const submit = () => {
    if (!choice) return;
    const body = choosingCompany
      ? { ...fixed, companyIds: [Number(choice)], includeSubsidiaries: subsidiaries }
      : {
          ...(choice.startsWith('r')
            ? { resourceId: Number(choice.slice(1)) }
            : { teamId: Number(choice.slice(1)) }),
          companyIds: [fixed.companyId ?? 0],
          includeSubsidiaries: subsidiaries,
        };
    actions.add.mutate(body, { onSuccess: () => setChoice(null) });
  };
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label={choosingCompany ? t('coManagedAdmin.addCompany') : t('coManagedAdmin.addGrantee')}
        data={options}
        value={choice}
        onChange={setChoice}
        searchable
        w={280}
      />
      <Checkbox
        label={t('coManagedAdmin.includeSubsidiaries')}
        checked={subsidiaries}
        onChange={(event) => setSubsidiaries(event.currentTarget.checked)}
        mb={8}
      />
      <Button onClick={submit} disabled={!choice} loading={actions.add.isPending}>
        {t('coManagedAdmin.add')}
      </Button>
      {actions.add.error && (
        <Text c="red" size="sm" role="alert">
          {actions.add.error.message}
        </Text>
      )}
    </Group>
  );
}

export function AdminCoManagedPage() {
  const { t } = useI18n();
  const me = useMe();
  const search = useSearch({ from: '/app/admin/co-managed' });
  const navigate = useNavigate({ from: '/admin/co-managed' });
  const data = useCoManagedData();
  if (!me.isAdmin) return <NotFoundPage />;
  const tab: CoManagedView = search.view ?? (search.person ? 'person' : search.team ? 'team' : 'company');
  const grants = data.associations.data ?? [];
  const select = (key: 'company' | 'person' | 'team', value: string | null) =>
    void navigate({ search: value ? { view: key, [key]: value } : { view: key } });
  const companyId = Number(search.company ?? 0);
  const personId = Number(search.person ?? 0);
  const teamId = Number(search.team ?? 0);
  const team = data.teams.data?.find((row) => row.id === teamId);
  const personTeams = (data.teams.data ?? []).filter((row) => row.memberIds.includes(personId));
  const loading = data.associations.isLoading || data.users.isLoading || data.companies.isLoading;
  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        {t('coManagedAdmin.title')}
      </Title>
      <WarningsPanel warnings={data.warnings.data} />
      {loading && <Loader role="status" aria-label={t('app.loading')} />}
      <Tabs
        value={tab}
        onChange={(value) =>
          select(value === 'person' ? 'person' : value === 'team' ? 'team' : 'company', null)
        }
      >
        <Tabs.List>
          <Tabs.Tab value="company">{t('coManagedAdmin.byCompany')}</Tabs.Tab>
          <Tabs.Tab value="person">{t('coManagedAdmin.byPerson')}</Tabs.Tab>
          <Tabs.Tab value="team">{t('coManagedAdmin.byTeam')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'company' && (
        <Paper withBorder p="md">
          <Stack>
            <Select
              label={t('coManagedAdmin.company')}
              data={(data.companies.data ?? []).map((row) => ({ value: String(row.id), label: row.name }))}
              value={companyId ? String(companyId) : null}
              onChange={(value) => select('company', value)}
              searchable
              maw={360}
            />
            {companyId > 0 && (
              <>
                <GrantTable
                  rows={grants.filter((row) => row.companyId === companyId)}
                  data={data}
                  show="grantee"
                />
                <AddGrant data={data} fixed={{ companyId }} />
              </>
            )}
          </Stack>
        </Paper>
      )}
      {tab === 'person' && (
        <Paper withBorder p="md">
          <Stack>
            <Select
              label={t('coManagedAdmin.person')}
              data={(data.users.data ?? []).map((row) => ({ value: String(row.id), label: personName(row) }))}
              value={personId ? String(personId) : null}
              onChange={(value) => select('person', value)}
              searchable
              maw={360}
            />
            {personId > 0 && (
              <>
                <Title order={2} size="h4">
                  {t('coManagedAdmin.direct')}
                </Title>
                <GrantTable
                  rows={grants.filter((row) => row.resourceId === personId)}
                  data={data}
                  show="company"
                />
                <AddGrant data={data} fixed={{ resourceId: personId }} />
                {personTeams.map((row) => (
                  <Stack key={row.id} gap="xs">
                    <Title order={2} size="h4">
                      {t('coManagedAdmin.viaTeam', { team: row.name })}
                    </Title>
                    <GrantTable
                      rows={grants.filter((grant) => grant.teamId === row.id)}
                      data={data}
                      show="company"
                    />
                  </Stack>
                ))}
              </>
            )}
          </Stack>
        </Paper>
      )}
      {tab === 'team' && (
        <Paper withBorder p="md">
          <Stack>
            <Select
              label={t('coManagedAdmin.team')}
              data={(data.teams.data ?? []).map((row) => ({ value: String(row.id), label: row.name }))}
              value={teamId ? String(teamId) : null}
              onChange={(value) => select('team', value)}
              searchable
              maw={360}
            />
            <NewTeam onCreated={(id) => select('team', String(id))} />
            {team && (
              <>
                <TeamEditor key={team.id} team={team} data={data} onDeleted={() => select('team', null)} />
                <GrantTable
                  rows={grants.filter((row) => row.teamId === team.id)}
                  data={data}
                  show="company"
                />
                <AddGrant data={data} fixed={{ teamId: team.id }} />
              </>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
