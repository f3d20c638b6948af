import { Loader, Select, Stack, Switch, SimpleGrid, Textarea, TextInput, Title, Alert } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { WorkflowRule, WorkflowRuleBody } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminForm, AdminPageHeader, fieldError, PrefixHint } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { ActionRows } from './rule-action-rows.tsx';
import { useRuleChoices } from './rule-choices.ts';
import { ConditionRows } from './rule-condition-rows.tsx';
import { RuleRunLog } from './rule-run-log.tsx';
import { triggers } from './rule-triggers.ts';
import { RuleTestRun } from './rule-test-run.tsx';

interface Draft {
  name: string;
  description: string;
  trigger: string;
  active: boolean;
  /** "No update for N business hours", as the admin types it. */
  idleHours: string;
  locationId: number | null;
  scopeCompanyId: number | null;
  conditions: unknown[];
  actions: unknown[];
}

const draftOf = (rule: WorkflowRule | null): Draft => ({
  name: rule?.name ?? '',
  description: rule?.description ?? '',
  trigger: rule?.trigger ?? 'ticket_created',
  active: rule?.active ?? true,
  idleHours: rule?.idleMinutes ? String(rule.idleMinutes / 60) : '4',
  locationId: rule?.locationId ?? null,
  scopeCompanyId: rule?.scope.companyId ?? null,
  conditions: rule?.conditions ?? [],
  actions: rule?.actions ?? [],
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

function RuleEditor({ rule }: { rule: WorkflowRule | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(rule));
  const choices = useRuleChoices();
  const idle = draft.trigger === 'no_update';
  const save = useMutation({
    mutationFn: () => {
      // The API checks conditions and actions again and names the row of anything it refuses.
      const body = {
        name: draft.name,
        description: draft.description.trim() === '' ? null : draft.description,
        trigger: draft.trigger,
        active: draft.active,
        idleMinutes: idle ? Math.round(Number(draft.idleHours) * 60) : null,
        locationId: draft.locationId,
        scope: { ...rule?.scope, companyId: draft.scopeCompanyId },
        conditions: draft.conditions,
        actions: draft.actions,
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
  const atAField = ['name', 'trigger', 'idleMinutes', 'locationId', 'scope', 'conditions', 'actions'].some(
    (field) => fieldError(save.error, field),
  );
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
      <AdminForm save={save} formError={atAField ? null : save.error}>
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
          error={fieldError(save.error, 'trigger')}
          maw={360}
        />
        {idle && (
          <TextInput
            label={t('ruleEditor.idleHours')}
            type="number"
            min={0.25}
            step={0.25}
            value={draft.idleHours}
            onChange={(event) => set({ idleHours: event.currentTarget.value })}
            error={fieldError(save.error, 'idleMinutes')}
            maw={360}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('ruleEditor.location')}
            description={t('ruleEditor.locationHint')}
            data={choices.locations}
            value={draft.locationId === null ? null : String(draft.locationId)}
            onChange={(value) => set({ locationId: value === null ? null : Number(value) })}
            placeholder={t('ruleEditor.locationDefault')}
            clearable
            searchable
            error={fieldError(save.error, 'locationId')}
          />
          <Select
            label={t('ruleEditor.scopeCompany')}
            data={choices.companies}
            value={draft.scopeCompanyId === null ? null : String(draft.scopeCompanyId)}
            onChange={(value) => set({ scopeCompanyId: value === null ? null : Number(value) })}
            placeholder={t('ruleEditor.scopeAny')}
            clearable
            searchable
            error={fieldError(save.error, 'scope')}
          />
        </SimpleGrid>
        <Switch
          label={t('automation.active')}
          checked={draft.active}
          onChange={(event) => set({ active: event.currentTarget.checked })}
        />
        <ConditionRows
          conditions={draft.conditions}
          onChange={(conditions) => set({ conditions })}
          choices={choices}
          error={save.error}
        />
        <ActionRows
          actions={draft.actions}
          onChange={(actions) => set({ actions })}
          choices={choices}
          error={save.error}
        />
      </AdminForm>
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
