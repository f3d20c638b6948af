import { PasswordInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Location } from '../admin-people/people-api.ts';
import type { WizardDraft } from './wizard-api.ts';

/** Step 3: the sign-in address and password, and the location whose hours are theirs. */
export function SignInStep({
  draft,
  locations,
  onChange,
  errorAt,
  emailRequired,
}: {
  draft: WizardDraft;
  locations: Location[];
  onChange: (patch: Partial<WizardDraft>) => void;
  errorAt: (field: 'email' | 'password' | 'locationId') => string | undefined;
  emailRequired: boolean;
}) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <Stack>
        <Title order={3} size="h5">
          {t('wizard.signIn')}
        </Title>
        <TextInput
          label={t('wizard.email')}
          description={emailRequired ? t('wizard.emailRequired') : t('wizard.emailDescription')}
          type="email"
          autoComplete="off"
          required={emailRequired}
          value={draft.email}
          onChange={(event) => onChange({ email: event.currentTarget.value })}
          error={errorAt('email')}
        />
        <PasswordInput
          label={t('wizard.password')}
          description={t('wizard.passwordDescription')}
          autoComplete="new-password"
          value={draft.password}
          onChange={(event) => onChange({ password: event.currentTarget.value })}
          error={errorAt('password')}
        />
      </Stack>
      <Stack>
        <Title order={3} size="h5">
          {t('wizard.hours')}
        </Title>
        <Select
          label={t('wizard.location')}
          description={t('wizard.locationDescription')}
          placeholder={t('wizard.noLocation')}
          clearable
          searchable
          data={locations.map((row) => ({ value: String(row.id), label: `${row.name} (${row.timeZone})` }))}
          value={draft.locationId === null ? null : String(draft.locationId)}
          onChange={(value) => onChange({ locationId: value === null ? null : Number(value) })}
          error={errorAt('locationId')}
        />
      </Stack>
    </SimpleGrid>
  );
}
