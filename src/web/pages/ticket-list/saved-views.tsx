import { ActionIcon, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, withQuery } from '../../api/client.ts';
import type { Page, SavedView, SavedViewBody } from '../../api/contract.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { filtersOf, type TicketSearch, ticketListRoute } from './ticket-search.ts';

/** Personal saved views (pick, save the current filters, delete) and the CSV export of the list. */
export function SavedViews({ search, isPhone }: { search: TicketSearch; isPhone: boolean }) {
  const { t } = useI18n();
  const navigate = ticketListRoute.useNavigate();
  const queryClient = useQueryClient();
  const views = useQuery({
    queryKey: queryKeys.savedViews.all,
    queryFn: () => api.get<Page<SavedView>>('/api/v1/ticket-views', { limit: 200 }),
  });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.post<SavedView>('/api/v1/ticket-views', {
        name: name.trim(),
        filters: filtersOf(search, true),
      } satisfies SavedViewBody),
    onSuccess: async (view) => {
      notifications.show({ color: 'green', message: t('tickets.views.saved', { name: view.name }) });
      setNaming(false);
      setName('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.savedViews.all });
      void navigate({ search: { ...view.filters, view: String(view.id) } });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/ticket-views/${id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.savedViews.all });
      void navigate({ search: (previous) => ({ ...previous, view: undefined }) });
    },
  });
  const items = views.data?.items ?? [];
  const exportUrl = withQuery('/api/v1/tickets/export.csv', filtersOf(search, false));

  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('tickets.views')}
        placeholder={t('tickets.views.none')}
        data={items.map((view) => ({ value: String(view.id), label: view.name }))}
        value={search.view ?? null}
        onChange={(value) => {
          const view = items.find((item) => String(item.id) === value);
          void navigate({ search: view ? { ...view.filters, view: String(view.id) } : {} });
        }}
        w={isPhone ? '70%' : 190}
        clearable
      />
      {search.view && (
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          aria-label={t('tickets.views.delete')}
          onClick={() => search.view && remove.mutate(search.view)}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      )}
      <Button variant="light" onClick={() => setNaming(true)}>
        {t('tickets.views.save')}
      </Button>
      {!isPhone && (
        <Button
          component="a"
          href={exportUrl}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('tickets.export')}
        </Button>
      )}
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('tickets.views.save')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t('tickets.views.name')}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-autofocus
            />
            <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
              {t('tickets.views.save')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}
