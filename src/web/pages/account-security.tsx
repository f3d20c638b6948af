import { Alert, Badge, Button, Group, Loader, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isApiError } from '../api/client.ts';
import type {
  ProofBody,
  RecoveryCodes as RecoveryCodesBody,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '../api/contract.ts';
import { queryKeys } from '../api/query-keys.ts';
import { RecoveryCodes, TwoFactorSetup, useAccountErrorText } from '../components/two-factor-setup.tsx';
import { type MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

const twoFactorQuery = {
  queryKey: queryKeys.twoFactor,
  queryFn: () => api.get<TwoFactorStatus>('/api/v1/me/two-factor'),
};

/** The signed-in person's own sign-in: password, two-factor sign-in, recovery codes. */
export function AccountSecurityPage() {
  const { t } = useI18n();
  return (
    <Stack gap="md" maw={640}>
      <Title order={1} size="h2">
        {t('account.title')}
      </Title>
      <TwoFactorSection />
      <PasswordSection />
    </Stack>
  );
}

type Mode = 'idle' | 'setUp' | 'regenerate' | 'disable';

function TwoFactorSection() {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const status = useQuery(twoFactorQuery);
  const [mode, setMode] = useState<Mode>('idle');
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.twoFactor });

  let body;
  if (!status.data) {
    body = status.isError ? (
      <Text c="red">{status.error.message}</Text>
    ) : (
      <Loader role="status" aria-label={t('app.loading')} />
    );
  } else if (codes) {
    body = (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          setMode('idle');
        }}
      />
    );
  } else if (mode === 'setUp') {
    body = (
      <TwoFactorSetup
        start={() => api.post<TwoFactorEnrolment>('/api/v1/me/two-factor/enrolment')}
        confirm={async (code) => {
          const answer = await api.post<RecoveryCodesBody>('/api/v1/me/two-factor/enrolment/confirm', {
            code,
          });
          setCodes(answer.recoveryCodes);
          notifications.show({ color: 'green', message: t('twoFactor.enabled') });
          await refresh();
        }}
        onCancel={() => setMode('idle')}
      />
    );
  } else if (mode === 'regenerate' || mode === 'disable') {
    body = (
      <ProofForm
        action={mode === 'regenerate' ? 'twoFactor.regenerate' : 'twoFactor.disable'}
        onCancel={() => setMode('idle')}
        send={async (proof) => {
          if (mode === 'regenerate') {
            const answer = await api.post<RecoveryCodesBody>('/api/v1/me/two-factor/recovery-codes', proof);
            setCodes(answer.recoveryCodes);
          } else {
            await api.post('/api/v1/me/two-factor/disable', proof);
            notifications.show({ color: 'green', message: t('twoFactor.disabled') });
            setMode('idle');
          }
          await refresh();
        }}
      />
    );
  } else {
    const { enabled, enabledAt, recoveryCodesLeft, requiredBySecurityLevel } = status.data;
    body = (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={enabled ? 'green' : 'gray'} variant="light" data-testid="two-factor-status">
            {enabled ? t('twoFactor.on') : t('twoFactor.off')}
          </Badge>
          {requiredBySecurityLevel && <Text size="sm">{t('twoFactor.required')}</Text>}
        </Group>
        <Text size="sm">
          {enabled ? t('twoFactor.statusOn', { date: formatDate(enabledAt) }) : t('twoFactor.intro')}
        </Text>
        {enabled && (
          <Text size="sm" c={recoveryCodesLeft < 3 ? 'red' : undefined}>
            {t('twoFactor.recoveryLeft', { count: recoveryCodesLeft })}
          </Text>
        )}
        <Group>
          {!enabled && <Button onClick={() => setMode('setUp')}>{t('twoFactor.setUp')}</Button>}
          {enabled && (
            <Button variant="default" onClick={() => setMode('regenerate')}>
              {t('twoFactor.regenerate')}
            </Button>
          )}
          {enabled && !requiredBySecurityLevel && (
            <Button variant="default" color="red" onClick={() => setMode('disable')}>
              {t('twoFactor.disable')}
            </Button>
          )}
        </Group>
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="two-factor-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="two-factor-title">
          {t('twoFactor.title')}
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}

/** Proof that it is really them before the protection changes: the password. */
function ProofForm({
  action,
  send,
  onCancel,
}: {
  action: MessageKey;
  send: (proof: ProofBody) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const errorText = useAccountErrorText();
  const [password, setPassword] = useState('');
  const submit = useMutation({ mutationFn: () => send({ password }) });
  const message = errorText(submit.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('twoFactor.proofHint')}</Text>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <PasswordInput
          label={t('twoFactor.proofPassword')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t(action)}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('twoFactor.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PasswordSection() {
  const { t } = useI18n();
  const errorText = useAccountErrorText();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () => api.post('/api/v1/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      notifications.show({ color: 'green', message: t('account.passwordChanged') });
    },
  });
  const error = change.error;
  const message =
    isApiError(error) && error.code === 'weak_password'
      ? t(`password.${String(error.details.reason)}` as MessageKey)
      : errorText(error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="password-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          change.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="password-title">
            {t('account.password')}
          </Title>
          {message && (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          )}
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('account.newPassword')}
            description={t('account.passwordHint')}
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={256}
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
