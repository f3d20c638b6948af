import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Loader,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client.ts';
import type { TwoFactorEnrolment } from '../api/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** What a refused code, password or sign-in step means, in the person's words. */
export function useAccountErrorText(): (error: Error | null) => string | null {
  const { t } = useI18n();
  return (error) => {
    if (!error) return null;
    if (!isApiError(error)) return error.message;
    if (error.code === 'invalid_code') return t('twoFactor.wrongCode');
    if (error.details.reason === 'wrong_password') return t('account.wrongPassword');
    if (error.status === 429) {
      return t('signin.locked', { minutes: Math.ceil(Number(error.details.retryAfterSeconds ?? 900) / 60) });
    }
    return error.message;
  };
}

/**
 * Setting up an authenticator app: a QR code and the key to type, then the first code.
 * `start` asks the server for a new secret (once per mount); `confirm` sends the code.
 */
export function TwoFactorSetup({
  start,
  confirm,
  onCancel,
}: {
  start: () => Promise<TwoFactorEnrolment>;
  confirm: (code: string) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const errorText = useAccountErrorText();
  const [code, setCode] = useState('');
  const enrolment = useMutation({ mutationFn: start });
  const confirmation = useMutation({ mutationFn: () => confirm(code.replace(/\s/g, '')) });
  // One secret per set-up: a second request would replace the one on screen.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    enrolment.mutate();
  }, [enrolment]);

  if (enrolment.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(enrolment.error)}
      </Alert>
    );
  }
  if (!enrolment.data) return <Loader role="status" aria-label={t('app.loading')} />;
  const { secret, qrCode } = enrolment.data;
  const message = errorText(confirmation.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        confirmation.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('twoFactor.scan')}</Text>
        <Image src={qrCode} alt={t('twoFactor.qrAlt')} w={200} h={200} fit="contain" />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="two-factor-key-label">
            {t('twoFactor.key')}
          </Text>
          <Code block aria-labelledby="two-factor-key-label" data-testid="two-factor-key">
            {secret.match(/.{1,4}/g)?.join(' ')}
          </Code>
        </Stack>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <TextInput
          label={t('twoFactor.code')}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={9}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={confirmation.isPending}>
            {t('twoFactor.confirm')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('twoFactor.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Recovery codes, shown once: a list to copy, and a button to go on once they are kept. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('twoFactor.recoveryTitle')}</Text>
      <Text size="sm">{t('twoFactor.recoveryIntro')}</Text>
      <List spacing={2} data-testid="recovery-codes" aria-label={t('twoFactor.recoveryTitle')}>
        {codes.map((code) => (
          <List.Item key={code}>
            <Code>{code}</Code>
          </List.Item>
        ))}
      </List>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('twoFactor.copied') : t('twoFactor.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('twoFactor.saved')}</Button>
      </Group>
    </Stack>
  );
}
