import {
  ActionIcon,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import type { DashboardList, SavedDashboard } from '../../api/report-contract.ts';
import { FormError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { RecentWidget, TimeWidget, WorklistWidget } from './activity-widgets.tsx';
import { defaultDashboardFor, type Widget } from './dashboard-definitions.ts';
import { ShareDialog } from './share-dialog.tsx';
import { CountWidget, GroupsWidget, SlaWidget, TrendWidget } from './ticket-widgets.tsx';
import { WidgetEditor } from './widget-editor.tsx';
import { widgetTitle } from './widget-title.ts';

/** Each widget on its own: its query, its skeleton, its error. */
function WidgetView({ widget }: { widget: Widget }) {
  switch (widget.kind) {
    case 'count':
      return <CountWidget widget={widget} />;
    case 'groups':
      return <GroupsWidget widget={widget} />;
    case 'trend':
      return <TrendWidget widget={widget} />;
    case 'sla':
      return <SlaWidget widget={widget} />;
    case 'time':
      return <TimeWidget widget={widget} />;
    case 'worklist':
      return <WorklistWidget widget={widget} />;
    case 'recent':
      return <RecentWidget widget={widget} />;
  }
}

// Counts share a row; charts take half the width at desk size; everything stacks on a phone.
const spanOf = (widget: Widget) => (widget.kind === 'count' ? { base: 12, sm: 4 } : { base: 12, lg: 6 });
const dashboardsKey = ['dashboards'] as const;
const systemTab = 'default';

/**
 * Where everyone lands: their chosen dashboard, or their kind of user's. Tabs for the system's,
 * their own and those published to them; every figure is computed under the viewer's own access.
 */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: dashboardsKey,
    queryFn: () => api.get<DashboardList>('/api/v1/dashboards'),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const system = defaultDashboardFor(me);
  const home = list.data?.homeDashboardId ?? null;
  const current = chosen ?? (home === null ? systemTab : String(home));
  const saved: SavedDashboard | undefined = list.data?.items.find((row) => String(row.id) === current);
  const widgets: Widget[] = saved ? saved.widgets : system.widgets;
  const name = saved ? saved.name : t(system.title);
  const refresh = () => queryClient.invalidateQueries({ queryKey: dashboardsKey });

  const copy = useMutation({
    mutationFn: () =>
      api.post<SavedDashboard>('/api/v1/dashboards', {
        name: t('dashboards.copyName', { name }).slice(0, 100),
        widgets: widgets.map((widget) => ({ ...widget, title: widgetTitle(t, widget.title) })),
      }),
    onSuccess: async (created) => {
      await refresh();
      setChosen(String(created.id));
    },
  });
  const change = useMutation({
    mutationFn: (patch: { name?: string; widgets?: Widget[] }) =>
      api.patch<SavedDashboard>(`/api/v1/dashboards/${saved?.id ?? 0}`, patch),
    onSuccess: async () => {
      setRenaming(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/dashboards/${saved?.id ?? 0}`),
    onSuccess: async () => {
      setChosen(systemTab);
      await refresh();
    },
  });
  const makeHome = useMutation({
    mutationFn: () => api.put('/api/v1/me/home-dashboard', { dashboardId: saved ? saved.id : null }),
    onSuccess: refresh,
  });
  const isHome = saved ? home === saved.id : home === null;
  const failed = copy.error ?? change.error ?? remove.error ?? makeHome.error;

  return (
    <Stack maw={1400}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {name}
          </Title>
          <Text c="dimmed">{t('home.intro')}</Text>
        </div>
        <Group gap="xs">
          {saved && !saved.mine && (
            <Badge variant="light" color="gray" tt="none">
              {saved.ownerName
                ? t('dashboards.publishedBy', { name: saved.ownerName })
                : t('dashboards.published')}
            </Badge>
          )}
          <Button variant="default" size="xs" onClick={() => window.print()}>
            {t('dashboards.print')}
          </Button>
          {!isHome && (
            <Button
              variant="default"
              size="xs"
              onClick={() => makeHome.mutate()}
              loading={makeHome.isPending}
            >
              {t('dashboards.makeHome')}
            </Button>
          )}
          {list.data?.abilities.create && (
            <Button variant="light" size="xs" onClick={() => copy.mutate()} loading={copy.isPending}>
              {t('dashboards.copy')}
            </Button>
          )}
          {saved?.mine && (
            <>
              <Button variant="light" size="xs" onClick={() => setAdding(true)}>
                {t('dashboards.addWidget')}
              </Button>
              <Button variant="subtle" size="xs" onClick={() => setRenaming(saved.name)}>
                {t('dashboards.rename')}
              </Button>
              {list.data?.abilities.share && (
                <Button variant="subtle" size="xs" onClick={() => setSharing(true)}>
                  {t('dashboards.share')}
                </Button>
              )}
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => {
                  if (window.confirm(t('dashboards.deleteConfirm', { name: saved.name }))) remove.mutate();
                }}
              >
                {t('dashboards.delete')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {renaming !== null && saved && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate({ name: renaming });
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('dashboards.name')}
              value={renaming}
              maxLength={100}
              onChange={(event) => setRenaming(event.currentTarget.value)}
            />
            <Button type="submit" loading={change.isPending}>
              {t('dashboards.save')}
            </Button>
            <Button variant="default" onClick={() => setRenaming(null)}>
              {t('dashboards.cancel')}
            </Button>
          </Group>
        </form>
      )}
      <FormError error={failed} />
      {list.isPending && <Loader role="status" aria-label={t('app.loading')} size="sm" />}
      {list.data && list.data.items.length > 0 && (
        <Tabs value={current} onChange={(value) => setChosen(value)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value={systemTab}>{t(system.title)}</Tabs.Tab>
            {list.data.items.map((row) => (
              <Tabs.Tab key={row.id} value={String(row.id)}>
                {row.name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {widgets.length === 0 && <Text c="dimmed">{t('dashboards.noWidgets')}</Text>}
      <Grid gap="md" align="stretch" key={current}>
        {widgets.map((widget, index) => (
          <Grid.Col key={`${current}-${widget.kind}-${index}`} span={spanOf(widget)} pos="relative">
            <WidgetView widget={widget} />
            {saved?.mine && (
              <ActionIcon
                pos="absolute"
                top={14}
                right={48}
                variant="subtle"
                color="red"
                aria-label={t('dashboards.removeWidget', { title: widgetTitle(t, widget.title) })}
                onClick={() => change.mutate({ widgets: widgets.filter((_, at) => at !== index) })}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            )}
          </Grid.Col>
        ))}
      </Grid>
      {adding && saved && (
        <WidgetEditor
          onClose={() => setAdding(false)}
          onAdd={(widget) => {
            setAdding(false);
            change.mutate({ widgets: [...widgets, widget] });
          }}
        />
      )}
      {sharing && saved && <ShareDialog dashboard={saved} onClose={() => setSharing(false)} />}
    </Stack>
  );
}
