import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { isApiError } from '../../api/client.ts';
import { ticketDetailQuery, useMe, useNames } from '../../api/queries.ts';
import { AnchorLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { RequestCloseButton } from './request-close-button.tsx';
import { RequestConversation } from './request-conversation.tsx';
import { RequestDeskPanel } from './request-desk-panel.tsx';
import { RequestTimeForm } from './request-time-form.tsx';

/**
 * One request as its end user sees it: status, who works on it (by name), what they described,
 * the replies they may read and their own. Another company's request is "not found", as a
 * missing one is (the API answers 404 either way).
 */
export function PortalRequestPage() {
  const { t, formatDateTime } = useI18n();
  const names = useNames();
  const desk = useMe().licence === 'internal_helpdesk';
  const { requestId } = useParams({ from: '/portal/requests/$requestId' });
  const id = Number(requestId);
  const valid = /^[1-9][0-9]{0,9}$/.test(requestId) && id <= 2_147_483_647;
  const request = useQuery({ ...ticketDetailQuery(id), enabled: valid });
  if (!valid || isApiError(request.error, 404)) {
    return <NotFoundPage title={t('portal.request.notFound')} text={t('portal.request.notFoundText')} />;
  }
  if (request.isError) return <Text c="red">{t('app.error', { message: request.error.message })}</Text>;
  if (!request.data) return <Loader role="status" aria-label={t('app.loading')} />;
  const data = request.data;
  const people = [
    ...(data.primaryResourceId === null
      ? []
      : [names.resource(data.primaryResourceId, data.primaryResourceName)]),
    ...data.secondaryResources.map((secondary) => names.resource(secondary.resourceId, secondary.name)),
  ];
  return (
    <Stack>
      <AnchorLink to="/portal" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t(desk ? 'portal.desk.back' : 'portal.request.back')}
        </Group>
      </AnchorLink>
      <div>
        <Text size="sm" c="dimmed">
          {t('portal.requests.number', { number: data.number })} ·{' '}
          {t('portal.request.opened', { date: formatDateTime(data.createdAt) })}
        </Text>
        <Title order={1} size="h2">
          {data.title}
        </Title>
      </div>
      {desk ? (
        <RequestDeskPanel key={data.version} request={data} />
      ) : (
        <Paper withBorder p="sm">
          <Group gap="xl" align="flex-start">
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('portal.request.status')}
              </Text>
              <Badge variant="light">{names.status(data.statusId)}</Badge>
            </Stack>
            {/* The MSP's priority, where the reader's level shows it (the API leaves it out otherwise). */}
            {data.priorityId !== null && (
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('portal.request.priority')}
                </Text>
                <Text size="sm">{names.priority(data.priorityId)}</Text>
              </Stack>
            )}
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('portal.request.people')}
              </Text>
              <Text size="sm">{people.length > 0 ? people.join(', ') : t('portal.request.nobody')}</Text>
            </Stack>
            <Group ml="auto" style={{ alignSelf: 'center' }}>
              <RequestCloseButton request={data} />
            </Group>
          </Group>
        </Paper>
      )}
      {data.description && (
        <Stack gap={4}>
          <Title order={2} size="h4">
            {t(desk ? 'portal.desk.description' : 'portal.request.description')}
          </Title>
          <Text size="sm" className="note-body">
            {data.description}
          </Text>
        </Stack>
      )}
      <RequestConversation request={data} />
      {desk && <RequestTimeForm request={data} />}
    </Stack>
  );
}
