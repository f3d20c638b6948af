import { Button, Group, Paper, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../../api/client.ts';
import type { Ticket, TicketDetail, TicketPatchBody } from '../../api/contract.ts';
import { referenceQueries } from '../../api/queries.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Conflict, ConflictDialog } from './conflict-dialog.tsx';
import { type EditableValues, editableFields, editableValuesOf } from './field-definitions.ts';
import { TicketFieldsEditor } from './ticket-fields-editor.tsx';
import { TicketFieldsView } from './ticket-fields-view.tsx';
import { changedFields, splitChanges } from './ticket-merge.ts';

/**
 * The ticket's fields panel: read-only until "edit", then a form. An edit remembers the version
 * it started from; a save that meets a newer version opens the conflict dialog instead of
 * overwriting what someone else saved.
 */
export function TicketFields({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const categories = useQuery(referenceQueries.categories).data ?? [];
  const [editing, setEditing] = useState<{ base: Ticket; values: EditableValues } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // While editing, the chosen category already decides which fields show.
  const category = categories.find((row) => row.id === (editing?.values.categoryId ?? ticket.categoryId));
  const ticketKeys = queryKeys.ticket(ticket.id);

  const save = useMutation({
    mutationFn: ({ patch, version }: { patch: Partial<EditableValues>; version: number }) => {
      // A priority the reader cannot see (a portal level without it) is never sent back as "none".
      const { priorityId, ...rest } = patch;
      return api.patch<Ticket>(`/api/v1/tickets/${ticket.id}`, {
        ...rest,
        ...(priorityId === null || priorityId === undefined ? {} : { priorityId }),
        version,
      } satisfies TicketPatchBody);
    },
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('ticket.saved') });
      setEditing(null);
      setConflict(null);
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all });
    },
    onError: async (error, { patch }) => {
      if (!isApiError(error, 409) || !editing) {
        notifications.show({ color: 'red', message: error.message });
        return;
      }
      // Someone saved in between: show what they changed next to what we changed.
      const current = await api.get<TicketDetail>(`/api/v1/tickets/${ticket.id}`);
      setConflict({
        current,
        mine: patch,
        ...splitChanges(editableFields, editableValuesOf(editing.base), patch, editableValuesOf(current)),
      });
    },
  });

  const submit = () => {
    if (!editing) return;
    const patch = changedFields(
      editableFields,
      editableValuesOf(editing.base),
      editing.values,
    ) as Partial<EditableValues>;
    if (Object.keys(patch).length === 0) {
      setEditing(null);
      return;
    }
    save.mutate({ patch, version: editing.base.version });
  };

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('ticket.fields')}
        </Title>
        {ticket.abilities.fields.length > 0 && !editing && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setEditing({ base: ticket, values: editableValuesOf(ticket) })}
          >
            {t('ticket.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          aria-label={t('ticket.edit')}
        >
          <TicketFieldsEditor
            ticket={ticket}
            category={category}
            values={editing.values}
            onChange={(values) => setEditing({ ...editing, values })}
          />
          <Group mt="md">
            <Button type="submit" loading={save.isPending}>
              {t('ticket.save')}
            </Button>
            <Button variant="default" onClick={() => setEditing(null)}>
              {t('ticket.cancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <TicketFieldsView ticket={ticket} category={category} />
      )}
      <ConflictDialog
        conflict={conflict}
        saving={save.isPending}
        onCancel={() => {
          setConflict(null);
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
        }}
        onMerge={(patch) => {
          if (!conflict) return;
          setEditing({ base: conflict.current, values: { ...editableValuesOf(conflict.current), ...patch } });
          if (Object.keys(patch).length === 0) {
            setConflict(null);
            setEditing(null);
            void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
            return;
          }
          save.mutate({ patch, version: conflict.current.version });
        }}
      />
    </Paper>
  );
}
