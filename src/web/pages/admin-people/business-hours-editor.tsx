import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { fieldError } from '../../api/field-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Location } from './people-api.ts';

export type WeeklyHours = Location['businessHours'];
type Weekday = keyof WeeklyHours;

export const weekdays: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/**
 * One opening interval per weekday (the API takes several; a day with more keeps its later ones
 * untouched), or closed. The API's message for a day is shown at that day.
 */
export function BusinessHoursEditor({
  hours,
  onChange,
  error,
}: {
  hours: WeeklyHours;
  onChange: (hours: WeeklyHours) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const setDay = (day: Weekday, intervals: WeeklyHours[Weekday]) => onChange({ ...hours, [day]: intervals });
  return (
    <Stack gap="xs" role="group" aria-label={t('people.locations.hours')}>
      <Text fw={600}>{t('people.locations.hours')}</Text>
      {weekdays.map((day) => {
        const [first, ...later] = hours[day];
        const dayName = t(`people.day.${day}`);
        const message = fieldError(error, `businessHours/${day}`);
        return (
          <Stack key={day} gap={2}>
            <Group gap="sm" wrap="wrap" align="flex-end">
              <Text w={{ base: '100%', xs: 110 }}>{dayName}</Text>
              <Checkbox
                label={t('people.locations.open')}
                aria-label={t('people.locations.openOn', { day: dayName })}
                checked={first !== undefined}
                onChange={(event) =>
                  setDay(day, event.currentTarget.checked ? [{ start: '08:00', end: '17:00' }] : [])
                }
              />
              {first && (
                <>
                  <TextInput
                    type="time"
                    w={120}
                    label={t('people.locations.from')}
                    aria-label={t('people.locations.fromOn', { day: dayName })}
                    value={first.start}
                    onChange={(event) =>
                      setDay(day, [{ ...first, start: event.currentTarget.value }, ...later])
                    }
                  />
                  <TextInput
                    type="time"
                    w={120}
                    label={t('people.locations.to')}
                    aria-label={t('people.locations.toOn', { day: dayName })}
                    value={first.end}
                    onChange={(event) =>
                      setDay(day, [{ ...first, end: event.currentTarget.value }, ...later])
                    }
                  />
                </>
              )}
            </Group>
            {message && (
              <Text size="sm" c="red.8" role="alert">
                {message}
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
