import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api, isApiError } from '../api/client.ts';
import { AnchorLink } from '../components/links.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { SignInFrame } from './sign-in-frame.tsx';

/**
 * "Forgot your password?": an address in, the same answer out whether or not it has an account
 * (the API never says; #14).
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const ask = useMutation({
    mutationFn: () => api.post<{ accepted: true }>('/api/v1/auth/password-reset', { email: email.trim() }),
  });
  return (
    <SignInFrame title={t('reset.title')}>
      {ask.isSuccess ? (
        <Alert color="green" role="status">
          {t('reset.sent')}
        </Alert>
      ) : (
        <form
          aria-label={t('reset.title')}
          onSubmit={(event) => {
            event.preventDefault();
            ask.mutate();
          }}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('reset.intro')}
            </Text>
            {ask.isError && (
              <Alert color="red" role="alert">
                {isApiError(ask.error, 429) ? t('reset.tooMany') : ask.error.message}
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
            <Button type="submit" loading={ask.isPending}>
              {t('reset.send')}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/sign-in" size="sm" ta="center">
        {t('reset.backToSignIn')}
      </AnchorLink>
    </SignInFrame>
  );
}

/** The link from the mail: a new password, twice; then sign in with it. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const { token } = useSearch({ from: '/reset-password' });
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation({
    mutationFn: () => api.post('/api/v1/auth/password-reset/confirm', { token, newPassword: password }),
  });
  const failure = reset.error;
  const linkInvalid = isApiError(failure) && failure.code === 'invalid_reset_token';
  return (
    <SignInFrame title={t('reset.newTitle')}>
      {reset.isSuccess ? (
        <Alert color="green" role="status">
          {t('reset.done')}
        </Alert>
      ) : linkInvalid || token === '' ? (
        <Stack>
          <Alert color="red" role="alert">
            {t('reset.invalidLink')}
          </Alert>
          <AnchorLink to="/forgot-password" size="sm">
            {t('reset.askAgain')}
          </AnchorLink>
        </Stack>
      ) : (
        <form
          aria-label={t('reset.newTitle')}
          onSubmit={(event) => {
            event.preventDefault();
            if (password !== repeated) {
              setMismatch(true);
              return;
            }
            reset.mutate();
          }}
        >
          <Stack>
            <Text size="sm" c="dimmed">
              {t('reset.rules')}
            </Text>
            <PasswordInput
              label={t('reset.newPassword')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={failure ? failure.message : null}
            />
            <PasswordInput
              label={t('reset.repeat')}
              autoComplete="new-password"
              required
              value={repeated}
              onChange={(event) => {
                setRepeated(event.currentTarget.value);
                setMismatch(false);
              }}
              error={mismatch ? t('reset.mismatch') : null}
            />
            <Button type="submit" loading={reset.isPending}>
              {t('reset.save')}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/sign-in" size="sm" ta="center">
        {t('reset.backToSignIn')}
      </AnchorLink>
    </SignInFrame>
  );
}
