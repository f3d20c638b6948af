import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { HelpdeskEscalations } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The MSP's rules that escalate this desk's requests by themselves, so the desk knows what leaves it. */
export function DeskEscalationRules() {
  const { t } = useI18n();
  const rules = useQuery({
    queryKey: ['portal', 'helpdeskEscalations'],
    queryFn: () => api.get<HelpdeskEscalations>('/api/v1/helpdesk-escalations'),
    staleTime: 5 * 60_000,
  });
  const items = rules.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="desk-escalation-rules">
      <Stack gap="xs">
        <Title order={2} size="h5" id="desk-escalation-rules">
          {t('portal.desk.automatic')}
        </Title>
        {items.map((rule) => (
          <div key={rule.id}>
            <Text size="sm" fw={600}>
              {rule.name}
            </Text>
            {rule.description && (
              <Text size="sm" c="dimmed">
                {rule.description}
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
