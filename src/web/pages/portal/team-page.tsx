import { Badge, Group, Loader, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { HelpdeskMember, HelpdeskMemberPatchBody } from '../../api/contract.ts';
import { useMe, useNames } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';

const teamKey = ['portal', 'helpdeskTeam'] as const;

/**
 * Taskfire's administrators manage their own help desk's users (#14 item 4): on or off, Resource
 * or Administrator. Who holds the licence is the MSP's call; their own row is not theirs to change.
 */
export function PortalTeamPage() {
  const { t } = useI18n();
  const me = useMe();
  const names = useNames();
  const queryClient = useQueryClient();
  const team = useQuery({
    queryKey: teamKey,
    queryFn: () => api.get<{ items: HelpdeskMember[] }>('/api/v1/helpdesk-team'),
    enabled: me.managesHelpdeskUsers,
  });
  const change = useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: HelpdeskMemberPatchBody }) =>
      api.patch<HelpdeskMember>(`/api/v1/helpdesk-team/${id}`, patch),
    onSuccess: async (member) => {
      notifications.show({ color: 'green', message: t('portal.team.saved', { name: member.name }) });
      await queryClient.invalidateQueries({ queryKey: teamKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  if (!me.managesHelpdeskUsers) return <NotFoundPage />;
  const roles = [
    { value: 'resource', label: t('portal.team.resource') },
    { value: 'administrator', label: t('portal.team.administrator') },
  ];
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t('portal.team.title')}
        </Title>
        <Text c="dimmed">{t('portal.team.intro')}</Text>
      </div>
      {!team.data ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {team.data.items.map((member) => {
            const self = member.id === me.id;
            return (
              <Paper key={member.id} withBorder p="sm" component="li">
                <Group justify="space-between" align="center" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {member.name}
                      </Text>
                      {self && <Badge variant="light">{t('portal.team.you')}</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {member.email} · {names.company(member.companyId)}
                    </Text>
                  </Stack>
                  <Group gap="md" wrap="nowrap">
                    {member.role === null ? (
                      <Text size="sm">{t('portal.team.mspLevel')}</Text>
                    ) : (
                      <Select
                        aria-label={t('portal.team.roleOf', { name: member.name })}
                        data={roles}
                        value={member.role}
                        allowDeselect={false}
                        disabled={self || change.isPending}
                        onChange={(role) =>
                          role &&
                          change.mutate({
                            id: member.id,
                            patch: { role: role as 'resource' | 'administrator' },
                          })
                        }
                        w={160}
                      />
                    )}
                    <Switch
                      label={t('portal.team.active')}
                      aria-label={t('portal.team.activeOf', { name: member.name })}
                      checked={member.active}
                      disabled={self || change.isPending}
                      onChange={(event) =>
                        change.mutate({ id: member.id, patch: { active: event.currentTarget.checked } })
                      }
                    />
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
