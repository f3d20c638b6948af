import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowDown,
  IconArrowUp,
  IconGripVertical,
  IconPlayerTrackNext,
  IconX,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../api/client.ts';
import type {
  Worklist,
  WorklistItem,
  WorklistNext,
  WorklistNextBody,
  WorklistOrderBody,
} from '../api/contract.ts';
import { referenceQueries, useMe, useNames, worklistQuery } from '../api/queries.ts';
import { StopwatchButton } from '../components/stopwatch.tsx';
import { AnchorLink } from '../components/links.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function WorklistPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const worklist = useQuery(worklistQuery);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const reorder = useMutation({
    mutationFn: (ticketIds: number[]) =>
      api.put<Worklist>('/api/v1/worklist/order', { ticketIds } satisfies WorklistOrderBody),
    onMutate: (ticketIds) => {
      const previous = queryClient.getQueryData<Worklist>(worklistQuery.queryKey);
      if (previous) {
        const byId = new Map(previous.items.map((item) => [item.ticketId, item]));
        const items = ticketIds.flatMap((id) => byId.get(id) ?? []);
        queryClient.setQueryData(worklistQuery.queryKey, { ...previous, items });
      }
    },
    onSuccess: (list) => {
      queryClient.setQueryData(worklistQuery.queryKey, list);
      notifications.show({ color: 'green', message: t('worklist.reordered'), autoClose: 1500 });
    },
    onError: async (error) => {
      notifications.show({ color: 'red', message: error.message });
      await queryClient.invalidateQueries({ queryKey: worklistQuery.queryKey });
    },
  });
  const remove = useMutation({
    mutationFn: (ticketId: number) => api.delete(`/api/v1/worklist/${ticketId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: worklistQuery.queryKey }),
  });
  const next = useMutation({
    mutationFn: () => api.post<WorklistNext>('/api/v1/worklist/next', {} satisfies WorklistNextBody),
    onSuccess: async ({ item }) => {
      if (item) await navigate({ to: '/tickets/$ticketId', params: { ticketId: String(item.ticketId) } });
    },
  });

  if (!worklist.data)
    return worklist.isError ? (
      <Text c="red">{worklist.error.message}</Text>
    ) : (
      <Loader role="status" aria-label={t('app.loading')} />
    );
  const items = worklist.data.items;
  const ids = items.map((item) => item.ticketId);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length) return;
    reorder.mutate(arrayMove(ids, from, to));
  };
  const onDragEnd = (event: DragEndEvent) => {
    if (!event.over || event.active.id === event.over.id) return;
    move(ids.indexOf(Number(event.active.id)), ids.indexOf(Number(event.over.id)));
  };

  return (
    <Stack gap="sm" maw={900}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('worklist.title')}
        </Title>
        <Button
          leftSection={<IconPlayerTrackNext size={16} aria-hidden />}
          onClick={() => next.mutate()}
          disabled={items.length === 0}
          loading={next.isPending}
        >
          {t('worklist.next')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('worklist.intro', { limit: worklist.data.limit })} ({items.length}/{worklist.data.limit})
      </Text>
      {items.length === 0 && <Text>{t('worklist.empty')}</Text>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <Stack
            gap="xs"
            component="ol"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('worklist.title')}
          >
            {items.map((item, index) => (
              <SortableRow
                key={item.ticketId}
                item={item}
                first={index === 0}
                last={index === items.length - 1}
                onUp={() => move(index, index - 1)}
                onDown={() => move(index, index + 1)}
                onRemove={() => remove.mutate(item.ticketId)}
              />
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
    </Stack>
  );
}

function SortableRow({
  item,
  first,
  last,
  onUp,
  onDown,
  onRemove,
}: {
  item: WorklistItem;
  first: boolean;
  last: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const me = useMe();
  const categories = useQuery(referenceQueries.categories).data ?? [];
  // The category decides whether the stopwatch runs, as on the ticket.
  const stopwatch =
    categories.find((category) => category.id === item.ticket.categoryId)?.stopwatchEnabled !== false;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.ticketId,
  });
  const number = item.ticket.number;
  return (
    <Paper
      ref={setNodeRef}
      component="li"
      withBorder
      p="xs"
      shadow={isDragging ? 'md' : undefined}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        zIndex: isDragging ? 2 : undefined,
        position: 'relative',
      }}
      data-testid="worklist-item"
    >
      <Group wrap="nowrap" gap="xs" align="flex-start">
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('worklist.drag', { number })}
          {...attributes}
          {...listeners}
          style={{ cursor: 'grab', touchAction: 'none' }}
        >
          <IconGripVertical size={18} aria-hidden />
        </ActionIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <AnchorLink
              to="/tickets/$ticketId"
              params={{ ticketId: String(item.ticketId) }}
              ff="monospace"
              size="sm"
            >
              {number}
            </AnchorLink>
            <Badge variant="light" size="sm" tt="none">
              {names.status(item.ticket.statusId)}
            </Badge>
          </Group>
          <Text size="sm" fw={500} truncate>
            {item.ticket.title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {names.company(item.ticket.companyId)} · {names.priority(item.ticket.priorityId)}
            {item.ticket.dueAt ? ` · ${t('column.due')}: ${formatDateTime(item.ticket.dueAt)}` : ''}
          </Text>
          {item.addedByResourceId !== null && item.addedByResourceId !== me.id && (
            <Text size="xs" c="dimmed">
              {t('worklist.addedBy', { name: names.resource(item.addedByResourceId) })}
            </Text>
          )}
          {stopwatch && (
            <Group gap="xs" mt={4}>
              <StopwatchButton ticketId={item.ticketId} ticketNumber={number} />
            </Group>
          )}
        </Stack>
        <Stack gap={2}>
          <ActionIcon
            variant="subtle"
            aria-label={t('worklist.moveUp', { number })}
            onClick={onUp}
            disabled={first}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('worklist.moveDown', { number })}
            onClick={onDown}
            disabled={last}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('worklist.remove', { number })}
            onClick={onRemove}
          >
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Stack>
      </Group>
    </Paper>
  );
}
