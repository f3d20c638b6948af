import {
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api, isApiError } from '../api/client.ts';
import type { Company, Page } from '../api/contract.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { MessageKey } from '../i18n/en.ts';
import { AnchorLink } from '../components/links.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { CompanySections } from './company-sections.tsx';
import { AccountTeamSection, CompanyActivitySections } from './company-work-sections.tsx';
import { NotFoundPage } from './not-found.tsx';

const typeLabel = (type: string) => `companyType.${type}` as MessageKey;

export function CompaniesPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const companies = useInfiniteQuery({
    queryKey: queryKeys.companies.search(debounced),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.get<Page<Company>>('/api/v1/companies', { q: debounced, limit: 50, cursor: pageParam }),
    getNextPageParam: (page) => page.nextCursor,
  });
  const rows = companies.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack maw={1000}>
      <Title order={1} size="h2">
        {t('companies.title')}
      </Title>
      <TextInput
        label={t('companies.search')}
        type="search"
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        maw={360}
      />
      {companies.isLoading && <Loader role="status" aria-label={t('app.loading')} />}
      {companies.isSuccess && rows.length === 0 && <Text c="dimmed">{t('companies.empty')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped highlightOnHover aria-label={t('companies.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('column.company')}</Table.Th>
                <Table.Th>{t('companies.type')}</Table.Th>
                <Table.Th>{t('companies.city')}</Table.Th>
                <Table.Th>{t('companies.coManaged')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((company) => (
                <Table.Tr key={company.id}>
                  <Table.Td>
                    <AnchorLink to="/companies/$companyId" params={{ companyId: String(company.id) }}>
                      {company.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(typeLabel(company.companyType))}</Table.Td>
                  <Table.Td>{company.city ?? '—'}</Table.Td>
                  <Table.Td>{t(company.coManagedEnabled ? 'value.yes' : 'value.no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {companies.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void companies.fetchNextPage()}
          loading={companies.isFetchingNextPage}
          w="fit-content"
        >
          {t('tickets.loadingMore')}
        </Button>
      )}
    </Stack>
  );
}

export function CompanyPage() {
  const { t } = useI18n();
  const { companyId } = useParams({ from: '/app/companies/$companyId' });
  const company = useQuery({
    queryKey: queryKeys.companies.detail(companyId),
    queryFn: () => api.get<Company>(`/api/v1/companies/${companyId}`),
  });
  if (isApiError(company.error, 404) || isApiError(company.error, 400))
    return <NotFoundPage title={t('companies.notFound')} />;
  if (!company.data) return <Loader role="status" aria-label={t('app.loading')} />;
  const data = company.data;
  return (
    <Stack maw={1200}>
      <Text size="sm">
        <AnchorLink to="/companies">← {t('companies.back')}</AnchorLink>
      </Text>
      <Group>
        <Title order={1} size="h2">
          {data.name}
        </Title>
        <Badge variant="light" tt="none">
          {t(typeLabel(data.companyType))}
        </Badge>
        {data.coManagedEnabled && (
          <Badge variant="light" color="violet" tt="none">
            {t('companies.coManaged')}
          </Badge>
        )}
      </Group>
      {/* The work first (what a technician opens the page for), the company's facts beside it. */}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <CompanyActivitySections companyId={data.id} />
            <CompanySections company={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: -1, lg: 1 }}>
          <Stack>
            <Paper withBorder p="md">
              <Stack gap={4}>
                <Text size="sm">
                  {t('companies.city')}: {data.city ?? '—'} {data.countryCode ?? ''}
                </Text>
                {data.phone && <Text size="sm">☎ {data.phone}</Text>}
                {data.website && <Text size="sm">{data.website}</Text>}
              </Stack>
            </Paper>
            <AccountTeamSection companyId={data.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
