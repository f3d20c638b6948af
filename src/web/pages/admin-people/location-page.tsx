import { Stack, TextInput } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  AdminForm,
  AdminPageHeader,
  fieldError,
  PrefixHint,
  useAdminSave,
} from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AdminRecord } from './admin-record.tsx';
import { BusinessHoursEditor, weekdays, type WeeklyHours } from './business-hours-editor.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { type Location, type LocationBody, peopleKeys } from './people-api.ts';

/** /admin/locations/$locationId ('new' to add one): name, time zone, business hours per weekday, holidays. */
export function LocationPage() {
  const { locationId } = useParams({ from: '/app/admin/locations/$locationId' });
  return (
    <AdminRecord<Location>
      param={locationId}
      path="/api/v1/locations"
      queryKey={peopleKeys.location}
      editor={(location) => <LocationEditor location={location} />}
    />
  );
}

const closedWeek = Object.fromEntries(weekdays.map((day) => [day, []])) as unknown as WeeklyHours;

function LocationEditor({ location }: { location: Location | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState({
    name: location?.name ?? '',
    timeZone: location?.timeZone ?? 'Europe/Berlin',
    businessHours: location?.businessHours ?? closedWeek,
    holidays: location?.holidays ?? [],
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const { save, formError } = useAdminSave<LocationBody, Location>(
    {
      path: '/api/v1/locations',
      id: location?.id ?? null,
      body: () => draft,
      invalidate: [peopleKeys.locations],
      openAdded: (id) => navigate({ to: '/admin/locations/$locationId', params: { locationId: String(id) } }),
    },
    ['name', 'timeZone', 'businessHours', 'holidays'],
  );
  return (
    <Stack maw={820}>
      <AdminPageHeader
        title={location?.name ?? t('people.locations.new')}
        description={t('people.locations.intro')}
      />
      <AdminForm save={save} formError={formError}>
        <TextInput
          label={t('people.name')}
          required
          value={draft.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={fieldError(save.error, 'name')}
        />
        {!location && <PrefixHint name={draft.name} onApply={(name) => set({ name })} />}
        <TextInput
          label={t('people.locations.timeZone')}
          required
          value={draft.timeZone}
          onChange={(event) => set({ timeZone: event.currentTarget.value })}
          error={fieldError(save.error, 'timeZone')}
        />
        <BusinessHoursEditor
          hours={draft.businessHours}
          onChange={(businessHours) => set({ businessHours })}
          error={save.error}
        />
        <HolidaysEditor
          holidays={draft.holidays}
          onChange={(holidays) => set({ holidays })}
          error={save.error}
        />
      </AdminForm>
    </Stack>
  );
}
