import { Alert, Button, Group, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import type { Company, Contact, SecurityLevel } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader, FormError } from '../../components/admin-kit/index.ts';
import { ButtonLink } from '../../components/links.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { coManagedKeys } from '../admin-co-managed/co-managed-data.ts';
import { type Location, peopleKeys } from '../admin-people/people-api.ts';
import { NotFoundPage } from '../not-found.tsx';
import { CompaniesStep } from './companies-step.tsx';
import { LevelStep } from './level-step.tsx';
import { errorAt, refusalText } from './refusals.ts';
import { ReviewStep } from './review-step.tsx';
import { SignInStep } from './sign-in-step.tsx';
import {
  enableAccess,
  enableBody,
  type EnableAccessRefusal,
  grantable,
  previewAccess,
  type StepName,
  stepOfField,
  steps,
  useWizardData,
  type WizardDraft,
  wizardKeys,
} from './wizard-api.ts';

/**
 * /admin/co-managed/enable/$contactId: "Enable co-managed access" on a contact, in four steps —
 * person and level, companies, sign-in and hours, review. The review is the API's dry run of the
 * very body Save sends; refusals are worded from their reason and shown at their field too.
 */
export function CoManagedWizardPage() {
  const { t } = useI18n();
  const { contactId } = useParams({ from: '/app/admin/co-managed/enable/$contactId' });
  const me = useMe();
  const id = Number(contactId);
  const valid = Number.isInteger(id) && id > 0;
  const on = me.features.coManagedHelpDesk;
  const data = useWizardData(id, me.isAdmin && valid && on);
  if (!me.isAdmin || !valid || data.contact.isError) return <NotFoundPage />;
  if (!on) {
    return (
      <Stack maw={1100}>
        <AdminPageHeader title={t('wizard.title')} />
        <Alert color="yellow" variant="light" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('wizard.featureOff')}</Text>
            <ButtonLink to="/admin/activations" variant="light" size="xs">
              {t('wizard.toActivations')}
            </ButtonLink>
          </Stack>
        </Alert>
      </Stack>
    );
  }
  const { contact, companies, levels, locations } = data;
  if (!contact.data || !companies.data || !levels.data || !locations.data) {
    return <Loader role="status" aria-label={t('app.loading')} />;
  }
  return (
    <Wizard
      key={contact.data.id}
      contact={contact.data}
      companies={companies.data}
      levels={levels.data}
      locations={locations.data}
    />
  );
}

const stepLabel = {
  level: 'wizard.step.level',
  companies: 'wizard.step.companies',
  signIn: 'wizard.step.signIn',
  review: 'wizard.step.review',
} as const satisfies Record<StepName, string>;

function firstDraft(contact: Contact, companies: Company[], levels: SecurityLevel[]): WizardDraft {
  const level = levels.find((row) => row.systemKey === 'co_managed_help_desk') ?? levels[0];
  // As the API's default: the contact's own company with its subsidiaries, when it may be granted.
  const own = grantable(companies).some((row) => row.id === contact.companyId);
  return {
    securityLevelId: level?.id ?? null,
    companies: own ? [{ companyId: contact.companyId, includeSubsidiaries: true, makePrimary: false }] : [],
    locationId: null,
    email: contact.email ?? '',
    password: '',
  };
}

function Wizard({
  contact,
  companies,
  levels,
  locations,
}: {
  contact: Contact;
  companies: Company[];
  levels: SecurityLevel[];
  locations: Location[];
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [draft, setDraft] = useState(() => firstDraft(contact, companies, levels));
  const [active, setActive] = useState(0);
  /** Next was pressed with a required choice missing on this step. */
  const [missing, setMissing] = useState(false);
  /** The last dry run's (or refused save's) refusals, shown at their fields until the field changes. */
  const [refusals, setRefusals] = useState<EnableAccessRefusal[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = enableBody(draft, contact);
  const companyName = (companyId: number) => companies.find((row) => row.id === companyId)?.name ?? '—';
  const word = (refusal: EnableAccessRefusal) => refusalText(t, refusal, body, companyName);

  // Whether the contact can be enabled at all (an account already, inactive), before any choice.
  const check = useQuery({
    queryKey: [...wizardKeys.all, 'check', contact.id],
    queryFn: () => previewAccess(contact.id, { securityLevelId: draft.securityLevelId ?? 0 }),
    enabled: draft.securityLevelId !== null,
    retry: false,
  });
  const blocking = (check.data?.refusals ?? []).filter((row) => row.field === null);

  const preview = useQuery({
    queryKey: wizardKeys.preview(contact.id, body),
    queryFn: async () => {
      const result = await previewAccess(contact.id, body);
      setRefusals(result.refusals);
      return result;
    },
    enabled: active === steps.length - 1,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });

  const save = useMutation({
    mutationFn: () => enableAccess(contact.id, body),
    onSuccess: async (result) => {
      notifications.show({
        color: 'green',
        message: t('wizard.saved', { name: `${contact.firstName} ${contact.lastName}` }),
      });
      await Promise.all([
        client.invalidateQueries({ queryKey: coManagedKeys.all }),
        client.invalidateQueries({ queryKey: peopleKeys.resources }),
        client.invalidateQueries({ queryKey: ['company-page'] }),
        client.invalidateQueries({ queryKey: wizardKeys.all }),
      ]);
      await navigate({
        to: '/admin/co-managed',
        search: { view: 'person', person: String(result.resource.id) },
      });
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      const { reason, field } = error.details;
      const at = typeof field === 'string' ? field : null;
      if (typeof reason === 'string') {
        setRefusals([{ status: error.status, code: error.code, reason, field: at, message: error.message }]);
      }
      const issues = Array.isArray(error.details.issues)
        ? (error.details.issues as { location?: string }[])
        : [];
      const step = stepOfField(at ?? issues[0]?.location?.slice(1) ?? null);
      if (step !== null) setActive(step);
    },
  });

  useEffect(() => {
    heading.current?.focus();
  }, [active]);

  const sources = { saveError: save.error, previewError: preview.error, refusals };
  const at = (field: string) => errorAt(field, sources, word);
  /** A change clears what was said about the fields it touches (and a refused save's message). */
  const change = (patch: Partial<WizardDraft>, fields: string[]) => {
    setDraft((current) => ({ ...current, ...patch }));
    setRefusals((current) => current.filter((row) => !fields.some((field) => row.field?.startsWith(field))));
    setMissing(false);
    if (save.error) save.reset();
  };
  const goTo = (step: number) => {
    setMissing(false);
    setActive(step);
  };
  const next = () => {
    const lacking =
      (active === 0 && draft.securityLevelId === null) ||
      (active === 1 && draft.companies.length === 0) ||
      (active === 2 && !contact.email && draft.email.trim() === '');
    if (lacking) setMissing(true);
    else goTo(active + 1);
  };
  const name = steps[active] ?? 'review';
  const onReview = active === steps.length - 1;
  const previewRefused = (preview.data?.refusals.length ?? 0) > 0;
  // A refused save that names no field stays on the review, worded from its reason when it has one.
  const saveReason = isApiError(save.error) ? save.error.details.reason : undefined;

  return (
    <Stack maw={1100} gap="lg">
      <AdminPageHeader title={t('wizard.title')} description={t('wizard.intro')} />
      {blocking.length > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="wizard-blocked">
          <Stack gap={4}>
            {blocking.map((refusal) => (
              <Text key={refusal.reason} size="sm">
                {word(refusal)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Stepper
        active={active}
        onStepClick={goTo}
        allowNextStepsSelect={false}
        size="sm"
        contentPadding={0}
        aria-label={t('wizard.title')}
      >
        {steps.map((step, index) => (
          <Stepper.Step
            key={step}
            label={isPhone ? undefined : t(stepLabel[step])}
            // On a phone only the number shows: the name starts with it (WCAG "label in name").
            aria-label={isPhone ? `${index + 1} ${t(stepLabel[step])}` : undefined}
          />
        ))}
      </Stepper>
      <Paper
        withBorder
        p={{ base: 'md', sm: 'lg' }}
        radius="md"
        component="section"
        aria-labelledby="wizard-step"
      >
        <Stack gap="lg">
          <div>
            <Text size="sm" c="dimmed">
              {t('wizard.stepOf', { n: active + 1, total: steps.length })}
            </Text>
            <Title
              order={2}
              size="h3"
              id="wizard-step"
              ref={heading}
              tabIndex={-1}
              style={{ outline: 'none' }}
            >
              {t(stepLabel[name])}
            </Title>
          </div>
          {name === 'level' && (
            <LevelStep
              contact={contact}
              company={companies.find((row) => row.id === contact.companyId)}
              levels={levels}
              draft={draft}
              onChange={(securityLevelId) => change({ securityLevelId }, ['securityLevelId'])}
              error={
                missing && draft.securityLevelId === null ? t('wizard.levelRequired') : at('securityLevelId')
              }
            />
          )}
          {name === 'companies' && (
            <CompaniesStep
              companies={companies}
              chosen={draft.companies}
              onChange={(next) => change({ companies: next }, ['companies'])}
              listError={
                missing && draft.companies.length === 0 ? t('wizard.companiesRequired') : at('companies')
              }
              errorAt={(index) => at(`companies/${index}/companyId`) ?? at(`companies/${index}`)}
            />
          )}
          {name === 'signIn' && (
            <SignInStep
              draft={draft}
              locations={locations}
              onChange={(patch) => change(patch, Object.keys(patch))}
              errorAt={(field) =>
                field === 'email' && missing && draft.email.trim() === ''
                  ? t('wizard.emailRequired')
                  : at(field)
              }
              emailRequired={!contact.email}
            />
          )}
          {name === 'review' && (
            <ReviewStep
              preview={preview.data}
              loading={preview.isFetching}
              error={preview.error}
              word={word}
              goTo={goTo}
            />
          )}
          {onReview && save.error && typeof saveReason === 'string' ? (
            <Alert color="red" variant="light" role="alert" title={t('kit.notSaved')}>
              {word({ status: 0, code: '', reason: saveReason, field: null, message: save.error.message })}
            </Alert>
          ) : (
            onReview && <FormError error={save.error} />
          )}
        </Stack>
      </Paper>
      <Group justify="space-between" gap="sm">
        <Group gap="sm">
          {active > 0 && (
            <Button variant="default" onClick={() => goTo(active - 1)}>
              {t('wizard.back')}
            </Button>
          )}
          <ButtonLink to="/admin/contacts" variant="subtle">
            {t('wizard.cancel')}
          </ButtonLink>
        </Group>
        {onReview ? (
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={preview.isFetching || !preview.data || previewRefused || blocking.length > 0}
          >
            {t('wizard.save')}
          </Button>
        ) : (
          <Button onClick={next} disabled={blocking.length > 0}>
            {t('wizard.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
