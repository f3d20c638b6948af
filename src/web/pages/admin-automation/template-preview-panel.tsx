import { Alert, Button, Code, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../api/client.ts';
import type { TemplatePreview } from '../../api/contract.ts';
import { referenceQueries } from '../../api/queries.ts';
import { fieldError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TicketPicker } from './ticket-picker.tsx';

/** The template for a chosen ticket and recipient, rendered by the server as that recipient reads it. */
export function TemplatePreviewPanel({ templateId }: { templateId: number }) {
  const { t } = useI18n();
  const [ticketId, setTicketId] = useState<string | null>(null);
  const [recipientId, setRecipientId] = useState<string | null>(null);
  const people = useQuery(referenceQueries.resources).data ?? [];
  const preview = useMutation({
    mutationFn: () =>
      api.post<TemplatePreview>(`/api/v1/notification-templates/${templateId}/preview`, {
        ticketId: Number(ticketId),
        recipientResourceId: Number(recipientId),
      }),
  });
  const result = preview.data;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Text c="dimmed">{t('automation.preview.intro')}</Text>
        <TicketPicker value={ticketId} onChange={setTicketId} />
        <Select
          label={t('automation.preview.recipient')}
          searchable
          data={people
            .filter((person) => person.active)
            .map((person) => ({ value: String(person.id), label: `${person.firstName} ${person.lastName}` }))}
          value={recipientId}
          onChange={setRecipientId}
          error={fieldError(preview.error, 'recipientResourceId')}
          maw={520}
        />
        <Button
          w="fit-content"
          disabled={ticketId === null || recipientId === null}
          loading={preview.isPending}
          onClick={() => preview.mutate()}
        >
          {t('automation.preview.show')}
        </Button>
        {preview.isError && (
          <Alert color="orange" variant="light" role="alert" title={t('automation.preview.refused')}>
            {isApiError(preview.error) ? preview.error.message : String(preview.error)}
          </Alert>
        )}
        {result && (
          <Stack gap="xs" aria-live="polite">
            <Text size="sm" c="dimmed">
              {t('automation.preview.to', { name: result.recipientName, language: result.locale })}
            </Text>
            <Text fw={600}>
              {t('automation.preview.subject')}: {result.subject}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {result.body}
            </Code>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
