import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api, isApiError, setCsrfToken } from '../api/client.ts';
import { meQuery, queryClient } from '../api/queries.ts';
import type {
  Me,
  RecoveryCodes as RecoveryCodesBody,
  SecondStep,
  TwoFactorEnrolment,
} from '../api/contract.ts';
import { RecoveryCodes, TwoFactorSetup, useAccountErrorText } from '../components/two-factor-setup.tsx';
import { AnchorLink } from '../components/links.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { SignInFrame } from './sign-in-frame.tsx';

/** The sign-in answer: the person (200), or a second step (202: a code, or setting up an app). */
type LoginAnswer = Me | SecondStep;

export function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const search = useSearch({ from: '/sign-in' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<SecondStep | null>(null);
  const [recovery, setRecovery] = useState<{ me: Me; codes: string[] } | null>(null);
  const enter = async (me: Me) => {
    setCsrfToken(me.csrfToken);
    queryClient.clear();
    queryClient.setQueryData(meQuery.queryKey, me);
    await navigate({ to: search.next ?? '/home' });
  };
  const signIn = useMutation({
    mutationFn: () => api.post<LoginAnswer>('/api/v1/auth/login', { email: email.trim(), password }),
    onSuccess: async (answer) => {
      if ('pendingToken' in answer) {
        setPassword('');
        setStep(answer);
      } else {
        await enter(answer);
      }
    },
  });
  /** A pending sign-in that expired or was used: back to the password. */
  const restart = (error: Error) => {
    if (isApiError(error, 401)) {
      setStep(null);
      signIn.reset();
    }
  };
  const error = signIn.error;
  const message = !error
    ? null
    : isApiError(error, 429)
      ? t('signin.locked', { minutes: Math.ceil(Number(error.details.retryAfterSeconds ?? 900) / 60) })
      : isApiError(error) && error.code === 'co_managed_disabled'
        ? t('signin.coManagedDisabled')
        : isApiError(error, 401)
          ? t('signin.invalid')
          : error.message;

  if (recovery) {
    return (
      <SignInFrame title={t('signin.enrolTitle')}>
        <RecoveryCodes codes={recovery.codes} onDone={() => void enter(recovery.me)} />
      </SignInFrame>
    );
  }
  if (step?.next === 'code') {
    return (
      <SignInFrame title={t('signin.codeTitle')}>
        <SecondStepForm step={step} onSignedIn={enter} onExpired={restart} />
      </SignInFrame>
    );
  }
  if (step?.next === 'enrol') {
    return (
      <SignInFrame title={t('signin.enrolTitle')}>
        <Text size="sm">{t('signin.enrolIntro')}</Text>
        <TwoFactorSetup
          start={() =>
            api
              .post<TwoFactorEnrolment>('/api/v1/auth/two-factor/enrolment', {
                pendingToken: step.pendingToken,
              })
              .catch((failure: unknown) => {
                if (failure instanceof Error) restart(failure);
                throw failure;
              })
          }
          confirm={async (code) => {
            const answer = await api
              .post<Me & RecoveryCodesBody>('/api/v1/auth/two-factor/enrolment/confirm', {
                pendingToken: step.pendingToken,
                code,
              })
              .catch((failure: unknown) => {
                if (failure instanceof Error) restart(failure);
                throw failure;
              });
            const { recoveryCodes, ...me } = answer;
            setRecovery({ me, codes: recoveryCodes });
          }}
          onCancel={() => setStep(null)}
        />
      </SignInFrame>
    );
  }

  return (
    <SignInFrame title={t('signin.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t('signin.intro')}
          </Text>
          {message && (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              {message}
            </Alert>
          )}
          <TextInput
            label={t('signin.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('signin.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('signin.submit')}
          </Button>
          <AnchorLink to="/forgot-password" size="sm" ta="center">
            {t('reset.forgot')}
          </AnchorLink>
        </Stack>
      </form>
    </SignInFrame>
  );
}

/** The second step: a code from the app, or one of the recovery codes. */
function SecondStepForm({
  step,
  onSignedIn,
  onExpired,
}: {
  step: SecondStep;
  onSignedIn: (me: Me) => Promise<void>;
  onExpired: (error: Error) => void;
}) {
  const { t } = useI18n();
  const errorText = useAccountErrorText();
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      api.post<Me>('/api/v1/auth/two-factor', { pendingToken: step.pendingToken, code: code.trim() }),
    onSuccess: onSignedIn,
    onError: onExpired,
  });
  const message = errorText(verify.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        verify.mutate();
      }}
    >
      <Stack>
        {message && (
          <Alert color="red" role="alert" data-testid="sign-in-error">
            {message}
          </Alert>
        )}
        <TextInput
          label={t('signin.code')}
          description={t('signin.codeHint')}
          autoComplete="one-time-code"
          required
          data-autofocus
          autoFocus
          maxLength={32}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={verify.isPending}>
          {t('signin.verify')}
        </Button>
      </Stack>
    </form>
  );
}
