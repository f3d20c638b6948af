import { Checkbox, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import type { Company } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type DraftCompany, grantable, subsidiaryNames } from './wizard-api.ts';

/**
 * Step 2: the companies, each with "include subsidiaries" (naming today's) and "primary co-managing
 * user for this company". `errorAt(index)` is the API's word on the company at that place.
 */
export function CompaniesStep({
  companies,
  chosen,
  onChange,
  listError,
  errorAt,
}: {
  companies: Company[];
  chosen: DraftCompany[];
  onChange: (next: DraftCompany[]) => void;
  listError: string | undefined;
  errorAt: (index: number) => string | undefined;
}) {
  const { t } = useI18n();
  const name = (id: number) => companies.find((row) => row.id === id)?.name ?? '—';
  const options = grantable(companies).map((row) => ({ value: String(row.id), label: row.name }));
  const pick = (values: string[]) =>
    onChange(
      values.map(
        (value) =>
          chosen.find((row) => row.companyId === Number(value)) ?? {
            companyId: Number(value),
            includeSubsidiaries: true,
            makePrimary: false,
          },
      ),
    );
  const set = (companyId: number, patch: Partial<DraftCompany>) =>
    onChange(chosen.map((row) => (row.companyId === companyId ? { ...row, ...patch } : row)));
  return (
    <Stack>
      <MultiSelect
        label={t('wizard.companies')}
        description={t('wizard.companiesDescription')}
        required
        searchable
        data={options}
        value={chosen.map((row) => String(row.companyId))}
        onChange={pick}
        error={listError}
        maw={560}
      />
      {chosen.map((row, index) => {
        const below = subsidiaryNames(companies, row.companyId);
        const error = errorAt(index);
        return (
          <Paper
            key={row.companyId}
            withBorder
            p="md"
            component="fieldset"
            m={0}
            data-testid="wizard-company"
            style={{ borderColor: error ? 'var(--mantine-color-error)' : undefined }}
          >
            <Text component="legend" fw={600} px={4}>
              {name(row.companyId)}
            </Text>
            <Stack gap="sm">
              <Checkbox
                label={t('wizard.includeSubsidiaries')}
                description={
                  below.length > 0
                    ? t('wizard.subsidiariesToday', { names: below.join(', ') })
                    : t('wizard.noSubsidiaries')
                }
                checked={row.includeSubsidiaries}
                onChange={(event) => set(row.companyId, { includeSubsidiaries: event.currentTarget.checked })}
              />
              <Checkbox
                label={t('wizard.makePrimary')}
                description={t('wizard.makePrimaryDescription')}
                checked={row.makePrimary}
                onChange={(event) => set(row.companyId, { makePrimary: event.currentTarget.checked })}
              />
              {error && (
                <Text c="red.8" size="sm" role="alert">
                  {error}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
