import { Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader, fieldError, FormError, PrefixHint } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { BusinessHoursEditor, weekdays, type WeeklyHours } from './business-hours-editor.tsx';
import { HolidaysEditor } from './holidays-editor.tsx';
import { type Location, type LocationBody, peopleKeys } from './people-api.ts';

/** /admin/locations/$locationId ('new' to add one): name, time zone, business hours per weekday, holidays. */
export function LocationPage() {
  const { locationId } = useParams({ from: '/app/admin/locations/$locationId' });
  const me = useMe();
  const id = locationId === 'new' ? null : Number(locationId);
  const location = useQuery({
    queryKey: peopleKeys.location(id ?? 0),
    queryFn: () => api.get<Location>(`/api/v1/locations/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || location.isError) return <NotFoundPage />;
  if (id !== null && !location.data) return <Loader />;
  return <LocationEditor key={location.data?.id ?? 'new'} location={location.data ?? null} />;
}

const closedWeek = Object.fromEntries(weekdays.map((day) => [day, []])) as unknown as WeeklyHours;

function LocationEditor({ location }: { location: Location | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [draft, setDraft] = useState({
    name: location?.name ?? '',
    timeZone: location?.timeZone ?? 'Europe/Berlin',
    businessHours: location?.businessHours ?? closedWeek,
    holidays: location?.holidays ?? [],
  });
  const set = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body: LocationBody = draft;
      return location
        ? api.patch<Location>(`/api/v1/locations/${location.id}`, body)
        : api.post<Location>('/api/v1/locations', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: peopleKeys.locations });
      if (!location)
        await navigate({ to: '/admin/locations/$locationId', params: { locationId: String(saved.id) } });
    },
  });
  // Errors shown at a field are not repeated above the buttons.
  const atAField = ['name', 'timeZone', 'businessHours', 'holidays'].some((field) =>
    fieldError(save.error, field),
  );
  return (
    <Stack maw={820}>
      <AdminPageHeader
        title={location?.name ?? t('people.locations.new')}
        description={t('people.locations.intro')}
      />
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
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
            <FormError error={atAField ? null : save.error} />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('people.save')}
              </Button>
              {save.isSuccess && <Text role="status">{t('people.saved')}</Text>}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
