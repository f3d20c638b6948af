import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Attachment, Note, NoteBody, Page, Ticket } from '../../api/contract.ts';
import { useMe, useNames } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type Audience = 'customer_internal' | 'all';

/**
 * The replies of a request a portal user may read (the API hands an end user only notes and files
 * published to everyone), and their own reply and files. An end user's reply is always published
 * to everyone — they have no one to hide it from; the internal help desk chooses between its own
 * IT with the MSP (customer-internal) and everyone, the requester too.
 */
export function RequestConversation({ request }: { request: Ticket }) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const desk = useMe().licence === 'internal_helpdesk';
  const [audience, setAudience] = useState<Audience>(desk ? 'customer_internal' : 'all');
  const queryClient = useQueryClient();
  const keys = queryKeys.ticket(request.id);
  const notes = useQuery({
    queryKey: keys.notes,
    queryFn: () => api.get<Page<Note>>(`/api/v1/tickets/${request.id}/notes`, { limit: 200 }),
  });
  const files = useQuery({
    queryKey: keys.attachments,
    queryFn: () => api.get<Page<Attachment>>(`/api/v1/tickets/${request.id}/attachments`, { limit: 200 }),
  });
  const [body, setBody] = useState('');
  const reply = useMutation({
    mutationFn: () =>
      api.post<Note>(`/api/v1/tickets/${request.id}/notes`, {
        body: body.trim(),
        publishLevel: audience,
      } satisfies NoteBody),
    onSuccess: async () => {
      notifications.show({
        color: 'green',
        message: t(desk ? 'portal.desk.noteAdded' : 'portal.request.sent'),
      });
      setBody('');
      await queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('publishLevel', audience);
      form.append('file', file, file.name);
      await api.upload<Attachment>(`/api/v1/tickets/${request.id}/attachments`, form);
      notifications.show({ color: 'green', message: t('attachments.uploaded', { name: file.name }) });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
  const items = notes.data?.items ?? [];
  const attachments = files.data?.items ?? [];

  return (
    <Stack>
      <Title order={2} size="h4">
        {t('portal.request.conversation')}
      </Title>
      {notes.isSuccess && items.length === 0 && <Text c="dimmed">{t('portal.request.noReplies')}</Text>}
      <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((note) => (
          <Paper key={note.id} withBorder p="sm" component="li" data-testid="portal-reply">
            <Group gap="xs" mb={4}>
              <Text size="xs" c="dimmed">
                {t('notes.by', {
                  name: names.resource(note.createdByResourceId, note.createdByName),
                  date: formatDateTime(note.createdAt),
                })}
              </Text>
              {note.publishLevel !== 'all' && (
                <Badge size="xs" variant="light" color="gray">
                  {t('portal.desk.internal')}
                </Badge>
              )}
            </Group>
            {note.title && (
              <Text fw={600} size="sm">
                {note.title}
              </Text>
            )}
            <Text size="sm" className="note-body">
              {note.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      {request.abilities.view && (
        <form
          aria-label={t(desk ? 'portal.desk.note' : 'portal.request.reply')}
          onSubmit={(event) => {
            event.preventDefault();
            reply.mutate();
          }}
        >
          <Stack gap="xs">
            {desk && (
              <Radio.Group
                label={t('portal.desk.audience')}
                value={audience}
                onChange={(value) => setAudience(value)}
              >
                <Group gap="md" mt={4}>
                  <Radio value="customer_internal" label={t('portal.desk.audienceInternal')} />
                  <Radio value="all" label={t('portal.desk.audienceEveryone')} />
                </Group>
              </Radio.Group>
            )}
            <Textarea
              label={t(desk ? 'portal.desk.note' : 'portal.request.reply')}
              autosize
              minRows={3}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={reply.isError ? reply.error.message : null}
            />
            <Group>
              <Button type="submit" loading={reply.isPending} disabled={body.trim() === ''}>
                {t(desk ? 'portal.desk.addNote' : 'portal.request.send')}
              </Button>
              <FileButton onChange={(file) => file && upload.mutate(file)}>
                {(props) => (
                  <Button variant="default" loading={upload.isPending} {...props}>
                    {t('portal.request.attach')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Stack>
        </form>
      )}
      {attachments.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h5">
            {t('portal.request.attachments')}
          </Title>
          {attachments.map((file) => (
            <Anchor key={file.id} href={file.downloadUrl} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {file.fileName}
            </Anchor>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
