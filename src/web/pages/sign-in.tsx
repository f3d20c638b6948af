import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { api, isApiError, setCsrfToken } from '../api/client.ts';
import { meQuery, queryClient } from '../api/queries.ts';
import type { Me } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const search = useSearch({ from: '/sign-in' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api.post<Me>('/api/v1/auth/login', { email: email.trim(), password }),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, me);
      await navigate({ to: search.next ?? '/tickets' });
    },
  });
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

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            signIn.mutate();
          }}
        >
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2">
                {t('app.name')} · {t('signin.title')}
              </Title>
              <SegmentedControl
                size="xs"
                aria-label={t('app.language')}
                value={locale}
                onChange={(value) => {
                  setLocale(value);
                }}
                data={[
                  { value: 'en', label: 'EN' },
                  { value: 'de', label: 'DE' },
                ]}
              />
            </Group>
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
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
