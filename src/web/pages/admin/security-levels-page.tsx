import { Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page, SecurityLevel } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';

export function SecurityLevelsPage() {
  const { t } = useI18n();
  const me = useMe();
  const levels = useInfiniteQuery({
    queryKey: ['security-levels', 'list'],
    queryFn: ({ pageParam }) =>
      api.get<Page<SecurityLevel>>('/api/v1/security-levels', { limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: me.isAdmin,
  });
  if (!me.isAdmin) return <NotFoundPage />;
  const rows = levels.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t('admin.levels')}
        </Title>
        <Text c="dimmed">{t('admin.levels.intro')}</Text>
      </div>
      {levels.isLoading && <Loader role="status" aria-label={t('app.loading')} />}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.levels.name')}</Table.Th>
                <Table.Th>{t('admin.levels.licence')}</Table.Th>
                <Table.Th>{t('admin.levels.kind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((level) => (
                <Table.Tr key={level.id}>
                  <Table.Td>
                    <AnchorLink to="/admin/security-levels/$levelId" params={{ levelId: String(level.id) }}>
                      {level.name}
                    </AnchorLink>
                    {level.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {level.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`admin.licence.${level.licenceType}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={level.isSystem ? 'gray' : 'blue'} tt="none">
                      {level.isSystem ? t('admin.levels.system') : t('admin.levels.copy')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {levels.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={levels.isFetchingNextPage}
            onClick={() => void levels.fetchNextPage()}
          >
            {t('admin.levels.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
