import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../api/field-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Location } from './people-api.ts';

type Holidays = Location['holidays'];

/** The location's holidays (a day and a name each); the whole list is saved with the location. */
export function HolidaysEditor({
  holidays,
  onChange,
  error,
}: {
  holidays: Holidays;
  onChange: (holidays: Holidays) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const message = fieldError(error, 'holidays');
  const set = (index: number, patch: Partial<Holidays[number]>) =>
    onChange(holidays.map((holiday, at) => (at === index ? { ...holiday, ...patch } : holiday)));
  return (
    <Stack gap="xs" role="group" aria-label={t('people.locations.holidays')}>
      <Text fw={600}>{t('people.locations.holidays')}</Text>
      {holidays.map((holiday, index) => (
        <Group key={index} gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            w={170}
            label={t('people.locations.holidayDay')}
            value={holiday.day}
            onChange={(event) => set(index, { day: event.currentTarget.value })}
          />
          <TextInput
            w={220}
            label={t('people.locations.holidayName')}
            value={holiday.name}
            onChange={(event) => set(index, { name: event.currentTarget.value })}
          />
          <Button
            variant="default"
            onClick={() => onChange(holidays.filter((_, at) => at !== index))}
            aria-label={t('people.locations.removeHoliday', { name: holiday.name || holiday.day })}
          >
            {t('people.remove')}
          </Button>
        </Group>
      ))}
      {message && (
        <Text size="sm" c="red.8" role="alert">
          {message}
        </Text>
      )}
      <Group>
        <Button variant="light" onClick={() => onChange([...holidays, { day: '', name: '' }])}>
          {t('people.locations.addHoliday')}
        </Button>
      </Group>
    </Stack>
  );
}
