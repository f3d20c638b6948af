import { Stack, Textarea, TextInput } from '@mantine/core';
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
import { type Department, type DepartmentBody, peopleKeys } from './people-api.ts';

/** /admin/departments/$departmentId ('new' to add one): name (with the set-up prefix hint) and description. */
export function DepartmentPage() {
  const { departmentId } = useParams({ from: '/app/admin/departments/$departmentId' });
  return (
    <AdminRecord<Department>
      param={departmentId}
      path="/api/v1/departments"
      queryKey={peopleKeys.department}
      editor={(department) => <DepartmentEditor department={department} />}
    />
  );
}

function DepartmentEditor({ department }: { department: Department | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState(department?.name ?? '');
  const [description, setDescription] = useState(department?.description ?? '');
  const { save, formError } = useAdminSave<DepartmentBody, Department>(
    {
      path: '/api/v1/departments',
      id: department?.id ?? null,
      body: () => ({ name, description: description.trim() === '' ? null : description }),
      invalidate: [peopleKeys.departments],
      openAdded: (id) =>
        navigate({ to: '/admin/departments/$departmentId', params: { departmentId: String(id) } }),
    },
    ['name', 'description'],
  );
  return (
    <Stack maw={720}>
      <AdminPageHeader
        title={department?.name ?? t('people.departments.new')}
        description={t('people.departments.intro')}
      />
      <AdminForm save={save} formError={formError}>
        <TextInput
          label={t('people.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(save.error, 'name')}
        />
        {/* A department for a set-up (scenario 3) is named with its prefix, so pickers keep them apart. */}
        {!department && <PrefixHint name={name} onApply={setName} />}
        <Textarea
          label={t('people.description')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldError(save.error, 'description')}
          autosize
          minRows={2}
        />
      </AdminForm>
    </Stack>
  );
}
