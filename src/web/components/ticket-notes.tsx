import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublishLevel } from '../../shared/access-vocabulary.ts';
import { api, isApiError } from '../api/client.ts';
import type { Note, NoteBody, Page, Ticket } from '../api/contract.ts';
import { useNames, useReferenceList } from '../api/queries.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DeleteButton } from './delete-button.tsx';
import { PublishLevelBadge, PublishLevelSelect } from './publish-level.tsx';

export function TicketNotes({ ticket }: { ticket: Ticket }) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const notes = useQuery({
    queryKey: queryKeys.ticket(ticket.id).notes,
    queryFn: () => api.get<Page<Note>>(`/api/v1/tickets/${ticket.id}/notes`, { limit: 200 }),
  });
  const items = notes.data?.items ?? [];
  return (
    <Stack>
      {ticket.abilities.view && <AddNote ticket={ticket} />}
      {notes.isSuccess && items.length === 0 && <Text c="dimmed">{t('notes.empty')}</Text>}
      <Stack
        gap="sm"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('tabs.notes')}
      >
        {[...items].reverse().map((note) => (
          <Paper key={note.id} withBorder p="sm" component="li" data-testid="note">
            <Group justify="space-between" gap="xs" mb={4}>
              <Text size="xs" c="dimmed">
                {t('notes.by', {
                  name: names.resource(note.createdByResourceId, note.createdByName),
                  date: formatDateTime(note.createdAt),
                })}
              </Text>
              <Group gap={4}>
                <PublishLevelBadge level={note.publishLevel} label={note.publishLevelLabel} />
                {note.abilities.delete && (
                  <DeleteButton
                    url={`/api/v1/notes/${note.id}`}
                    label={t('notes.delete')}
                    ticketId={ticket.id}
                  />
                )}
              </Group>
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
    </Stack>
  );
}

function AddNote({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const noteTypes = useReferenceList('noteTypes').filter((type) => type.active);
  const [body, setBody] = useState('');
  const [title, setTitle] = useState('');
  const [noteTypeId, setNoteTypeId] = useState<string | null>(null);
  // No default: the writer says explicitly who may read the note.
  const [publishLevel, setPublishLevel] = useState<PublishLevel | null>(null);
  const [allowed, setAllowed] = useState<PublishLevel[] | null>(null);
  const [missingLevel, setMissingLevel] = useState(false);
  const add = useMutation({
    // The form hands over the level it checked was chosen.
    mutationFn: (level: PublishLevel) =>
      api.post<Note>(`/api/v1/tickets/${ticket.id}/notes`, {
        body: body.trim(),
        publishLevel: level,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(noteTypeId ? { noteTypeId: Number(noteTypeId) } : {}),
      } satisfies NoteBody),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('notes.added') });
      setBody('');
      setTitle('');
      setPublishLevel(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticket.id).all });
    },
    onError: (error) => {
      if (isApiError(error, 422) && Array.isArray(error.details.allowed))
        setAllowed(error.details.allowed as PublishLevel[]);
    },
  });
  return (
    <Paper withBorder p="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!publishLevel) {
            setMissingLevel(true);
            return;
          }
          add.mutate(publishLevel);
        }}
        aria-label={t('notes.add')}
      >
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t('notes.add')}
          </Title>
          {add.isError && <Alert color="red">{add.error.message}</Alert>}
          <TextInput
            label={t('notes.title')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          <Textarea
            label={t('notes.body')}
            required
            autosize
            minRows={3}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Group grow align="flex-start">
            <PublishLevelSelect
              label={t('notes.publishLevel')}
              placeholder={t('notes.publishLevelPlaceholder')}
              required
              value={publishLevel}
              onChange={(level) => {
                setPublishLevel(level);
                setMissingLevel(false);
              }}
              error={missingLevel ? t('notes.publishLevelMissing') : null}
              allowed={allowed}
            />
            <Select
              label={t('notes.type')}
              data={noteTypes.map((type) => ({ value: String(type.id), label: type.name }))}
              value={noteTypeId}
              onChange={setNoteTypeId}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
          <Group>
            <Button type="submit" loading={add.isPending} disabled={body.trim() === ''}>
              {t('notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
