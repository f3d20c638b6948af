import { Button, Group, List, Paper, Select, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type {
  AccessExplanation,
  AccessReason,
  ExplainedObject,
} from '../../../modules/access-explainer/access-explainer.schemas.ts';
import { api, isApiError } from '../../api/client.ts';
import type { Page, Resource } from '../../api/contract.ts';
import { useMe } from '../../api/queries.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { en, type MessageKey } from '../../i18n/en.ts';
import { NotFoundPage } from '../not-found.tsx';

const objects: ExplainedObject[] = ['ticket', 'note', 'timeEntry', 'attachment', 'company', 'contact'];

async function allPeople(): Promise<Resource[]> {
  const people: Resource[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Resource> = await api.get<Page<Resource>>('/api/v1/resources', { limit: 200, cursor });
    people.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return people;
}

/** A ticket number (T20261203.0001) or an id: the number is looked up among the tickets. */
async function ticketIdOf(text: string): Promise<number | null> {
  if (/^[1-9][0-9]*$/.test(text)) return Number(text);
  const page = await api.get<Page<{ id: number; number: string }>>('/api/v1/tickets', { q: text, limit: 5 });
  return page.items.find((ticket) => ticket.number === text)?.id ?? null;
}

/** Vocabulary values (licences, scopes, tiers, publish levels, yes/no) in the reader's language; names as they are. */
function valueText(t: Translate, value: string): string {
  const key = `explain.value.${value}`;
  return key in en ? t(key as MessageKey) : value;
}

function ReasonLine({ reason }: { reason: AccessReason }) {
  const { t } = useI18n();
  const values = Object.fromEntries(
    Object.entries(reason.params).map(([key, value]) => [key, valueText(t, String(value ?? '—'))]),
  );
  const icon =
    reason.outcome === 'allow' ? (
      <ThemeIcon color="green" size={22} radius="xl">
        <IconCheck size={14} aria-label={t('explain.allow')} />
      </ThemeIcon>
    ) : reason.outcome === 'deny' ? (
      <ThemeIcon color="red" size={22} radius="xl">
        <IconX size={14} aria-label={t('explain.deny')} />
      </ThemeIcon>
    ) : (
      <ThemeIcon color="gray" size={22} radius="xl">
        <IconInfoCircle size={14} aria-label={t('explain.info')} />
      </ThemeIcon>
    );
  return (
    <List.Item icon={icon} data-testid={`reason-${reason.code}`}>
      {t(reason.messageKey as MessageKey, values)}
    </List.Item>
  );
}

function Verdict({ label, allowed }: { label: string; allowed: boolean }) {
  const { t } = useI18n();
  return (
    <Group gap="xs">
      <ThemeIcon color={allowed ? 'green' : 'red'} radius="xl" size={26}>
        {allowed ? <IconCheck size={16} aria-hidden /> : <IconX size={16} aria-hidden />}
      </ThemeIcon>
      <Text fw={600}>
        {label}: {allowed ? t('explain.yes') : t('explain.no')}
      </Text>
    </Group>
  );
}

/** The access explainer (#12 item 6): can this person view or edit this row, and why. */
export function AdminExplainPage() {
  const { t } = useI18n();
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const people = useQuery({ queryKey: ['explain', 'people'], queryFn: allPeople, enabled: me.isAdmin });
  const [personId, setPersonId] = useState<string | null>(null);
  const [object, setObject] = useState<ExplainedObject>('ticket');
  const [idText, setIdText] = useState('');
  const [answer, setAnswer] = useState<AccessExplanation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!me.isAdmin) return <NotFoundPage />;

  const explain = async () => {
    setProblem(null);
    setAnswer(null);
    const text = idText.trim();
    const id =
      object === 'ticket' ? await ticketIdOf(text) : /^[1-9][0-9]*$/.test(text) ? Number(text) : null;
    if (personId === null || id === null) {
      setProblem(t('explain.notFound'));
      return;
    }
    setBusy(true);
    try {
      setAnswer(
        await api.get<AccessExplanation>('/api/v1/admin/access-explanation', {
          resourceId: personId,
          object,
          id,
        }),
      );
    } catch (error) {
      setProblem(isApiError(error, 404) || isApiError(error, 400) ? t('explain.notFound') : String(error));
    } finally {
      setBusy(false);
    }
  };

  const viewAs = async () => {
    if (personId === null) return;
    try {
      await api.post('/api/v1/admin/view-as', { resourceId: Number(personId) });
      client.clear();
      await navigate({ to: '/tickets' });
    } catch (error) {
      setProblem(isApiError(error) ? error.message : String(error));
    }
  };

  return (
    <Stack maw={900}>
      <Title order={1} size="h2">
        {t('explain.title')}
      </Title>
      <Text c="dimmed">{t('explain.intro')}</Text>
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void explain();
          }}
        >
          <Stack>
            <Select
              label={t('explain.person')}
              placeholder={t('explain.personPlaceholder')}
              searchable
              data={(people.data ?? []).map((person) => ({
                value: String(person.id),
                label: `${person.firstName} ${person.lastName}`,
              }))}
              value={personId}
              onChange={setPersonId}
              nothingFoundMessage={t('explain.nobody')}
              data-testid="explain-person"
            />
            <Group grow align="end" wrap="wrap">
              <Select
                label={t('explain.object')}
                data={objects.map((value) => ({ value, label: t(`explain.object.${value}` as MessageKey) }))}
                value={object}
                onChange={(value) => {
                  if (value) setObject(value);
                }}
                allowDeselect={false}
              />
              <TextInput
                label={object === 'ticket' ? t('explain.ticketNumberOrId') : t('explain.id')}
                value={idText}
                onChange={(event) => {
                  setIdText(event.currentTarget.value);
                }}
                data-testid="explain-id"
              />
            </Group>
            <Group>
              <Button type="submit" loading={busy}>
                {t('explain.submit')}
              </Button>
              <Button variant="default" disabled={personId === null} onClick={() => void viewAs()}>
                {t('explain.viewAs')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {problem && (
        <Text c="red" role="alert">
          {problem}
        </Text>
      )}
      {answer && (
        <Paper withBorder p="md" data-testid="explain-answer">
          <Stack>
            <Title order={2} size="h4">
              {t('explain.verdictFor', { name: answer.resource.name })}
            </Title>
            <Group gap="xl">
              <Verdict label={t('explain.canView')} allowed={answer.canView} />
              <Verdict label={t('explain.canEdit')} allowed={answer.canEdit} />
            </Group>
            <Title order={3} size="h5">
              {t('explain.why')}
            </Title>
            <List spacing="xs" center>
              {answer.reasons.map((reason, index) => (
                <ReasonLine key={`${reason.code}-${String(index)}`} reason={reason} />
              ))}
            </List>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
