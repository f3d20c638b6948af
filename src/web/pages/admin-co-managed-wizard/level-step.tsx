import { Badge, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Company, Contact, SecurityLevel } from '../../api/contract.ts';
import { LevelPreviewPanel } from '../../components/admin/level-preview-panel.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { WizardDraft } from './wizard-api.ts';

/** Step 1: who is being enabled, the licence in plain words, the level with its plain-words preview beside it. */
export function LevelStep({
  contact,
  company,
  levels,
  draft,
  onChange,
  error,
}: {
  contact: Contact;
  company: Company | undefined;
  levels: SecurityLevel[];
  draft: WizardDraft;
  onChange: (securityLevelId: number | null) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const level = levels.find((row) => row.id === draft.securityLevelId);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Stack gap="lg">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {t('wizard.person')}
          </Title>
          <Text fw={600} data-testid="wizard-person">
            {contact.firstName} {contact.lastName}
          </Text>
          <Text size="sm" c="dimmed">
            {t('wizard.contactAt', { company: company?.name ?? '—' })} ·{' '}
            {contact.email ?? t('wizard.noEmail')}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {t('wizard.licence')}
            </Title>
            <Badge variant="light" color="violet" tt="none">
              {t('wizard.licenceName')}
            </Badge>
          </Group>
          <Text size="sm">{t('wizard.licenceText')}</Text>
        </Stack>
        <Select
          label={t('wizard.level')}
          description={t('wizard.levelDescription')}
          required
          data={levels.map((row) => ({ value: String(row.id), label: row.name }))}
          value={draft.securityLevelId === null ? null : String(draft.securityLevelId)}
          onChange={(value) => onChange(value === null ? null : Number(value))}
          allowDeselect={false}
          error={error}
        />
      </Stack>
      {level && <LevelPreviewPanel level={level} />}
    </SimpleGrid>
  );
}
