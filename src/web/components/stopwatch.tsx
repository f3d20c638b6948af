import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { LogTimeForm } from './log-time-form.tsx';

/** One stopwatch per browser, kept across reloads; stopping it turns it into a time entry. */
export interface RunningStopwatch {
  ticketId: number;
  ticketNumber: string;
  startedAt: string;
}

const storageKey = 'tandem.stopwatch';
const listeners = new Set<() => void>();

function read(): string | null {
  return localStorage.getItem(storageKey);
}

function parse(raw: string | null): RunningStopwatch | null {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as RunningStopwatch;
  } catch {
    return null;
  }
}

export const stopwatchStore = {
  start(ticketId: number, ticketNumber: string) {
    localStorage.setItem(
      storageKey,
      JSON.stringify({ ticketId, ticketNumber, startedAt: new Date().toISOString() }),
    );
    listeners.forEach((listener) => {
      listener();
    });
  },
  clear() {
    localStorage.removeItem(storageKey);
    listeners.forEach((listener) => {
      listener();
    });
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};

export function useStopwatch(): RunningStopwatch | null {
  const raw = useSyncExternalStore(stopwatchStore.subscribe, read);
  return parse(raw);
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [active]);
  return now;
}

export function formatElapsed(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** Start/stop for one ticket; stopping opens the time-entry form with the measured time. */
export function StopwatchButton({ ticketId, ticketNumber }: { ticketId: number; ticketNumber: string }) {
  const { t } = useI18n();
  const running = useStopwatch();
  const [logging, setLogging] = useState<RunningStopwatch | null>(null);
  const mine = running?.ticketId === ticketId;
  const now = useNow(mine);
  return (
    <>
      {mine ? (
        <Button
          color="red"
          variant="filled"
          leftSection={<IconPlayerStop size={16} aria-hidden />}
          onClick={() => setLogging(running)}
        >
          {t('stopwatch.stop')} ({formatElapsed(now - Date.parse(running.startedAt))})
        </Button>
      ) : (
        <Button
          variant="light"
          leftSection={<IconPlayerPlay size={16} aria-hidden />}
          onClick={() => {
            stopwatchStore.start(ticketId, ticketNumber);
          }}
          disabled={running !== null}
          title={running ? t('stopwatch.otherTicket', { number: running.ticketNumber }) : undefined}
        >
          {t('stopwatch.start')}
        </Button>
      )}
      <StopwatchLogModal running={logging} onClose={() => setLogging(null)} />
    </>
  );
}

function StopwatchLogModal({ running, onClose }: { running: RunningStopwatch | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal opened={running !== null} onClose={onClose} title={t('time.log')}>
      {running && (
        <LogTimeForm
          ticketId={running.ticketId}
          stopwatchStartedAt={running.startedAt}
          onLogged={() => {
            stopwatchStore.clear();
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

/** Shown on every screen while a stopwatch runs, so it is never forgotten. */
export function StopwatchBar() {
  const { t } = useI18n();
  const running = useStopwatch();
  const now = useNow(running !== null);
  const [logging, setLogging] = useState<RunningStopwatch | null>(null);
  if (!running) return null;
  return (
    <Alert color="orange" variant="light" mb="sm" p="xs" role="status">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {t('stopwatch.running', { elapsed: formatElapsed(now - Date.parse(running.startedAt)) })} ·{' '}
          <Link to="/tickets/$ticketId" params={{ ticketId: String(running.ticketId) }}>
            {running.ticketNumber}
          </Link>
        </Text>
        <Button size="compact-sm" color="red" variant="filled" onClick={() => setLogging(running)}>
          {t('stopwatch.stop')}
        </Button>
      </Group>
      <StopwatchLogModal running={logging} onClose={() => setLogging(null)} />
    </Alert>
  );
}
