import {
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
  Title,
  Text,
  Alert,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { WorkflowRule, WorkflowRuleBody } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminPageHeader, fieldError, FormError, PrefixHint } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { RuleRunLog } from './rule-run-log.tsx';
import { triggers } from './rule-triggers.ts';
import { RuleTestRun } from './rule-test-run.tsx';

interface Draft {
  name: string;
  description: string;
  trigger: string;
  active: boolean;
  conditions: string;
  actions: string;
}

const draftOf = (rule: WorkflowRule | null): Draft => ({
  name: rule?.name ?? '',
  description: rule?.description ?? '',
  trigger: rule?.trigger ?? 'ticket_created',
  active: rule?.active ?? true,
  conditions: JSON.stringify(rule?.conditions ?? [], null, 2),
  actions: JSON.stringify(rule?.actions ?? [], null, 2),
});

/** /admin/automation/rules/$ruleId ('new' to add one): the rule, its test run and its run log. */
export function RulePage() {
  const { ruleId } = useParams({ from: '/app/admin/automation/rules/$ruleId' });
  const me = useMe();
  const id = ruleId === 'new' ? null : Number(ruleId);
  const rule = useQuery({
    queryKey: queryKeys.automation.rule(id ?? 0),
    queryFn: () => api.get<WorkflowRule>(`/api/v1/workflow-rules/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || rule.isError) return <NotFoundPage />;
  if (id !== null && !rule.data) return <Loader />;
  return <RuleEditor key={rule.data?.updatedAt ?? 'new'} rule={rule.data ?? null} />;
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function RuleEditor({ rule }: { rule: WorkflowRule | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(rule));
  const conditions = parseJson(draft.conditions);
  const actions = parseJson(draft.actions);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: draft.name,
        description: draft.description.trim() === '' ? null : draft.description,
        trigger: draft.trigger,
        active: draft.active,
        conditions: 'value' in conditions ? conditions.value : [],
        actions: 'value' in actions ? actions.value : [],
      } as WorkflowRuleBody;
      return rule
        ? api.patch<WorkflowRule>(`/api/v1/workflow-rules/${rule.id}`, body)
        : api.post<WorkflowRule>('/api/v1/workflow-rules', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: queryKeys.automation.rules });
      if (!rule)
        await navigate({ to: '/admin/automation/rules/$ruleId', params: { ruleId: String(saved.id) } });
    },
  });
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const jsonError = (parsed: ReturnType<typeof parseJson>, field: string) =>
    'error' in parsed
      ? t('automation.rules.badJson', { message: parsed.error })
      : fieldError(save.error, field);
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={rule?.name ?? t('automation.rules.new')}
        description={t('automation.rules.intro')}
      />
      {rule?.disabledReason && (
        <Alert color="orange" variant="light">
          {t('automation.rules.disabled', { reason: rule.disabledReason })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t('automation.name')}
              required
              value={draft.name}
              onChange={(event) => set({ name: event.currentTarget.value })}
              error={fieldError(save.error, 'name')}
            />
            <PrefixHint name={draft.name} onApply={(name) => set({ name })} />
            <Textarea
              label={t('automation.rules.description')}
              value={draft.description}
              onChange={(event) => set({ description: event.currentTarget.value })}
              autosize
            />
            <Select
              label={t('automation.rules.event')}
              data={triggers.map((trigger) => ({
                value: trigger,
                label: t(`automation.trigger.${trigger}`),
              }))}
              value={draft.trigger}
              onChange={(value) => set({ trigger: value ?? 'ticket_created' })}
              allowDeselect={false}
              error={fieldError(save.error, 'trigger') ?? fieldError(save.error, 'idleMinutes')}
              maw={360}
            />
            <Switch
              label={t('automation.active')}
              checked={draft.active}
              onChange={(event) => set({ active: event.currentTarget.checked })}
            />
            <Text size="sm" c="dimmed">
              {t('automation.rules.jsonHint')}
            </Text>
            <Textarea
              label={t('automation.rules.conditions')}
              value={draft.conditions}
              onChange={(event) => set({ conditions: event.currentTarget.value })}
              autosize
              minRows={3}
              ff="monospace"
              error={jsonError(conditions, 'conditions')}
            />
            <Textarea
              label={t('automation.rules.actions')}
              value={draft.actions}
              onChange={(event) => set({ actions: event.currentTarget.value })}
              autosize
              minRows={3}
              ff="monospace"
              error={jsonError(actions, 'actions')}
            />
            <FormError error={save.error} />
            <Group>
              <Button
                type="submit"
                loading={save.isPending}
                disabled={'error' in conditions || 'error' in actions}
              >
                {t('automation.save')}
              </Button>
              {save.isSuccess && <Text role="status">{t('automation.saved')}</Text>}
            </Group>
          </Stack>
        </form>
      </Paper>
      {rule && (
        <>
          <Title order={2} size="h3">
            {t('automation.testRun.title')}
          </Title>
          <RuleTestRun ruleId={rule.id} />
          <Title order={2} size="h3">
            {t('automation.runs.title')}
          </Title>
          <RuleRunLog ruleId={rule.id} />
        </>
      )}
    </Stack>
  );
}
