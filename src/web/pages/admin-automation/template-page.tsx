import {
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { NotificationTemplate, NotificationTemplateBody } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { AdminForm, AdminPageHeader, fieldError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { automationEvents, placeholders } from './automation-vocabulary.ts';
import { TemplatePreviewPanel } from './template-preview-panel.tsx';

const recipientKinds = ['primary', 'secondaries', 'queueMembers', 'contact', 'coManagingTeam'] as const;

/** /admin/automation/templates/$templateId ('new' to add one): texts, recipients, and a preview. */
export function TemplatePage() {
  const { templateId } = useParams({ from: '/app/admin/automation/templates/$templateId' });
  const me = useMe();
  const id = templateId === 'new' ? null : Number(templateId);
  const template = useQuery({
    queryKey: queryKeys.automation.template(id ?? 0),
    queryFn: () => api.get<NotificationTemplate>(`/api/v1/notification-templates/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || template.isError) return <NotFoundPage />;
  if (id !== null && !template.data) return <Loader />;
  return <TemplateEditor key={template.data?.updatedAt ?? 'new'} template={template.data ?? null} />;
}

function TemplateEditor({ template }: { template: NotificationTemplate | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState({
    name: template?.name ?? '',
    eventType: template?.eventType ?? null,
    active: template?.active ?? true,
    subjectEn: template?.subjectEn ?? '',
    bodyEn: template?.bodyEn ?? '',
    subjectDe: template?.subjectDe ?? '',
    bodyDe: template?.bodyDe ?? '',
    sendEmail: template?.sendEmail ?? true,
    sendInApp: template?.sendInApp ?? true,
    recipients: template?.recipients ?? { primary: true },
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...draft,
        subjectDe: draft.subjectDe.trim() === '' ? null : draft.subjectDe,
        bodyDe: draft.bodyDe.trim() === '' ? null : draft.bodyDe,
      } as NotificationTemplateBody;
      return template
        ? api.patch<NotificationTemplate>(`/api/v1/notification-templates/${template.id}`, body)
        : api.post<NotificationTemplate>('/api/v1/notification-templates', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: queryKeys.automation.templates });
      if (!template)
        await navigate({
          to: '/admin/automation/templates/$templateId',
          params: { templateId: String(saved.id) },
        });
    },
  });
  const text = (field: 'subjectEn' | 'bodyEn' | 'subjectDe' | 'bodyDe', label: string, long: boolean) => {
    const props = {
      label,
      value: draft[field],
      onChange: (event: { currentTarget: { value: string } }) => set({ [field]: event.currentTarget.value }),
      error: fieldError(save.error, field),
      required: field.endsWith('En'),
    };
    return long ? <Textarea {...props} autosize minRows={4} /> : <TextInput {...props} />;
  };
  return (
    <Stack maw={1100}>
      <AdminPageHeader
        title={template?.name ?? t('automation.templates.new')}
        description={t('automation.templates.intro')}
      />
      <AdminForm save={save} formError={save.error}>
        <TextInput
          label={t('automation.name')}
          required
          value={draft.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={fieldError(save.error, 'name')}
        />
        <Select
          label={t('automation.templates.event')}
          data={automationEvents}
          value={draft.eventType}
          onChange={(value) => set({ eventType: value })}
          placeholder={t('automation.templates.ruleOnly')}
          clearable
          maw={360}
        />
        <Switch
          label={t('automation.active')}
          checked={draft.active}
          onChange={(event) => set({ active: event.currentTarget.checked })}
        />
        <Text size="sm" c="dimmed">
          {t('automation.templates.placeholders', {
            list: placeholders.map((name) => `{{${name}}}`).join(', '),
          })}
        </Text>
        {text('subjectEn', t('automation.templates.subjectEn'), false)}
        {text('bodyEn', t('automation.templates.bodyEn'), true)}
        {text('subjectDe', t('automation.templates.subjectDe'), false)}
        {text('bodyDe', t('automation.templates.bodyDe'), true)}
        <Checkbox.Group label={t('automation.templates.recipients')}>
          <Stack gap={4} mt={4}>
            {recipientKinds.map((kind) => (
              <Checkbox
                key={kind}
                label={t(`automation.templates.recipient.${kind}`)}
                checked={draft.recipients[kind] === true}
                onChange={(event) =>
                  set({ recipients: { ...draft.recipients, [kind]: event.currentTarget.checked } })
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Switch
            label={t('automation.templates.sendEmail')}
            checked={draft.sendEmail}
            onChange={(event) => set({ sendEmail: event.currentTarget.checked })}
          />
          <Switch
            label={t('automation.templates.sendInApp')}
            checked={draft.sendInApp}
            onChange={(event) => set({ sendInApp: event.currentTarget.checked })}
          />
        </Group>
      </AdminForm>
      {template && (
        <>
          <Title order={2} size="h3">
            {t('automation.preview.title')}
          </Title>
          <TemplatePreviewPanel templateId={template.id} />
        </>
      )}
    </Stack>
  );
}
