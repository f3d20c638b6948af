import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface NotificationItem {
  id: number;
  ticketId: number | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}
interface Notifications {
  unread: number;
  items: NotificationItem[];
}

const notificationsKey = ['notifications'] as const;

/**
 * The in-app notifications: an unread count on the bell, the newest on opening it, each linking to
 * its ticket. The server re-checks every item against the reader's access when listing (ACCESS-MODEL
 * §2 derived data): a ticket the reader lost is not listed. Refreshed every 30 s and on focus.
 */
export function NotificationBell() {
  const { t, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const notifications = useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get<Notifications>('/api/v1/notifications'),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsKey });
  const markRead = useMutation({
    mutationFn: (id: number) => api.post(`/api/v1/notifications/${id}/read`),
    onSettled: refresh,
  });
  const markAllRead = useMutation({
    mutationFn: () => api.post('/api/v1/notifications/read-all'),
    onSettled: refresh,
  });
  const unread = notifications.data?.unread ?? 0;
  const label = unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label');
  const open = (item: NotificationItem) => {
    if (item.readAt === null) markRead.mutate(item.id);
    setOpened(false);
    if (item.ticketId !== null)
      void navigate({ to: '/tickets/$ticketId', params: { ticketId: String(item.ticketId) } });
  };
  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md" withinPortal>
      {/* The target gets aria-expanded: it must be the button itself, not the badge around it. */}
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={16}
        disabled={unread === 0}
        color="red.8"
        offset={4}
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((value) => !value)}
            data-testid="notification-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs" px={4}>
          <Text fw={600}>{t('bell.title')}</Text>
          {unread > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={() => markAllRead.mutate()}>
              {t('bell.readAll')}
            </Button>
          )}
        </Group>
        {notifications.data?.items.length === 0 && (
          <Text size="sm" c="dimmed" px={4} pb="xs">
            {t('bell.empty')}
          </Text>
        )}
        <ScrollArea.Autosize mah={420}>
          <Stack gap={2}>
            {notifications.data?.items.map((item) => (
              <UnstyledButton
                key={item.id}
                onClick={() => open(item)}
                p={6}
                style={{
                  borderRadius: 4,
                  background: item.readAt === null ? 'var(--mantine-color-blue-light)' : undefined,
                }}
                data-testid="notification"
              >
                <Text size="sm" fw={item.readAt === null ? 600 : 400} lineClamp={2}>
                  {item.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {item.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(item.createdAt)}
                  {item.readAt === null && ` · ${t('bell.unread')}`}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
