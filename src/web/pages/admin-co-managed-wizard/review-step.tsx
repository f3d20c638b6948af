import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { FormError } from '../../components/admin-kit/index.ts';
import { LevelPreviewPanel } from '../../components/admin/level-preview-panel.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { EnableAccessPreview, EnableAccessRefusal } from './wizard-api.ts';
import { stepOfField } from './wizard-api.ts';

type Reached = EnableAccessPreview['companies'][number];

/**
 * Step 4: the dry run's answer before anything is saved — every refusal with its reason and the
 * step to fix it in, or the companies reached (subsidiaries by name), the primaries before and
 * after, the level in plain words, the sign-in and the hours.
 */
export function ReviewStep({
  preview,
  loading,
  error,
  word,
  goTo,
}: {
  preview: EnableAccessPreview | undefined;
  loading: boolean;
  error: unknown;
  word: (refusal: EnableAccessRefusal) => string;
  goTo: (step: number) => void;
}) {
  const { t } = useI18n();
  if (loading) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('wizard.review.checking')}</Text>
      </Group>
    );
  }
  if (!preview) return <FormError error={error} />;
  const { person, level, location, companies, notReached, refusals } = preview;
  return (
    <Stack gap="lg">
      {refusals.length > 0 ? (
        <Alert color="red" variant="light" title={t('wizard.review.refused')} data-testid="wizard-refusals">
          <Text size="sm" mb="xs">
            {t('wizard.review.refusedText')}
          </Text>
          <List size="sm" spacing="xs">
            {refusals.map((refusal) => {
              const step = stepOfField(refusal.field);
              return (
                <List.Item key={`${refusal.reason}-${refusal.field ?? ''}`}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm">{word(refusal)}</Text>
                    {step !== null && (
                      <Button size="compact-sm" variant="white" color="red.8" onClick={() => goTo(step)}>
                        {t('wizard.review.change')}
                      </Button>
                    )}
                  </Group>
                </List.Item>
              );
            })}
          </List>
        </Alert>
      ) : (
        <Alert color="blue" variant="light" title={t('wizard.review.ready')} data-testid="wizard-ready">
          <Text size="sm">{t('wizard.review.readyText')}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="lg" radius="md">
          <Stack gap={6}>
            <Title order={3} size="h4">
              {person.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('wizard.contactAt', { company: person.companyName })}
            </Text>
            <Group gap="xs">
              <Text size="sm">{t('wizard.licence')}:</Text>
              <Badge variant="light" color="violet" tt="none">
                {t('wizard.licenceName')}
              </Badge>
            </Group>
            {level && <Text size="sm">{t('wizard.review.level', { name: level.name })}</Text>}
            <Text size="sm">
              {person.email ? `${t('wizard.review.signsInAs', { email: person.email })} ` : ''}
              {person.hasPassword ? t('wizard.review.withPassword') : t('wizard.review.noPassword')}
            </Text>
            <Text size="sm">
              {location
                ? t('wizard.review.hours', { name: location.name, timeZone: location.timeZone })
                : t('wizard.review.noHours')}
            </Text>
          </Stack>
        </Paper>
        {level && <LevelPreviewPanel level={level} />}
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={3} size="h4" id="wizard-reached">
          {t('wizard.review.reached')}
        </Title>
        {companies.length === 0 ? (
          <Text c="dimmed">{t('wizard.review.noneReached')}</Text>
        ) : (
          <ReachedCompanies rows={companies} />
        )}
      </Stack>
      {notReached.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('wizard.review.notReached')}
          </Title>
          <List size="sm">
            {notReached.map((row) => (
              <List.Item key={row.companyId}>
                {t('wizard.review.notReachedRow', { name: row.name, via: row.viaCompanyName })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}

/** A table at desk width, one card per company on a phone; both name each company once. */
function ReachedCompanies({ rows }: { rows: Reached[] }) {
  const { t } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const how = (row: Reached) =>
    row.viaCompanyName === null ? (
      <Badge variant="light" tt="none">
        {t('wizard.review.named')}
      </Badge>
    ) : (
      <Text size="sm">{t('wizard.review.via', { name: row.viaCompanyName })}</Text>
    );
  const primary = (row: Reached) => {
    const after = row.primaryAfter ?? row.primaryToday;
    if (!after) return t('wizard.review.nobody');
    const name = after.isThisPerson ? t('wizard.review.thisPerson', { name: after.name }) : after.name;
    const replaced = row.primaryToday && row.primaryAfter && row.primaryToday.resourceId !== after.resourceId;
    return replaced
      ? `${name} — ${t('wizard.review.replaces', { name: row.primaryToday?.name ?? '' })}`
      : name;
  };
  if (isPhone) {
    return (
      <Stack gap="xs" role="list" aria-labelledby="wizard-reached">
        {rows.map((row) => (
          <Paper key={row.companyId} withBorder p="sm" role="listitem" data-testid="reached-company">
            <Group justify="space-between" gap="xs">
              <Text fw={600}>{row.name}</Text>
              {how(row)}
            </Group>
            <Text size="sm" mt={4}>
              {t('wizard.review.primary')}: {primary(row)}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped aria-labelledby="wizard-reached">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('wizard.review.company')}</Table.Th>
          <Table.Th>{t('wizard.review.how')}</Table.Th>
          <Table.Th>{t('wizard.review.primary')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.companyId} data-testid="reached-company">
            <Table.Td fw={600}>{row.name}</Table.Td>
            <Table.Td>{how(row)}</Table.Td>
            <Table.Td>{primary(row)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
