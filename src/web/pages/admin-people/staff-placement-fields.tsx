import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { allPages } from '../../api/queries.ts';
import { fieldError } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Department, type Location, peopleKeys, type Role } from './people-api.ts';

export interface StaffPlacement {
  departmentId: number | null;
  locationId: number | null;
  roleIds: number[];
}

const byName = (rows: readonly { id: number; name: string }[] | undefined) =>
  (rows ?? []).map((row) => ({ value: String(row.id), label: row.name }));
const pick = (value: string | null) => (value === null ? null : Number(value));

/**
 * Where a user works: department, location (whose business hours are theirs) and roles (what their
 * time bills and costs — a co-managing user's role should cost nothing, as the warnings say).
 */
export function StaffPlacementFields({
  value,
  onChange,
  error,
}: {
  value: StaffPlacement;
  onChange: (patch: Partial<StaffPlacement>) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const departments = useQuery({
    queryKey: [...peopleKeys.departments, 'all'],
    queryFn: () => allPages<Department>('/api/v1/departments'),
  });
  const locations = useQuery({
    queryKey: [...peopleKeys.locations, 'all'],
    queryFn: () => allPages<Location>('/api/v1/locations'),
  });
  const roles = useQuery({
    queryKey: [...peopleKeys.roles, 'all'],
    queryFn: () => allPages<Role>('/api/v1/roles'),
  });
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          label={t('people.resources.department')}
          data={byName(departments.data)}
          value={value.departmentId === null ? null : String(value.departmentId)}
          onChange={(picked) => onChange({ departmentId: pick(picked) })}
          clearable
          searchable
          error={fieldError(error, 'departmentId')}
        />
        <Select
          label={t('people.resources.location')}
          data={byName(locations.data)}
          value={value.locationId === null ? null : String(value.locationId)}
          onChange={(picked) => onChange({ locationId: pick(picked) })}
          clearable
          searchable
          error={fieldError(error, 'locationId')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('people.resources.roles')}
        data={byName(roles.data)}
        value={value.roleIds.map(String)}
        onChange={(picked) => onChange({ roleIds: picked.map(Number) })}
        searchable
        error={fieldError(error, 'roleIds')}
      />
    </>
  );
}
