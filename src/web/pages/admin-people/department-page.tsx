import { Button, Group, Loader, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import { AdminPageHeader, fieldError, FormError, PrefixHint } from '../../components/admin-kit/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { NotFoundPage } from '../not-found.tsx';
import { type Department, type DepartmentBody, peopleKeys } from './people-api.ts';

/** /admin/departments/$departmentId ('new' to add one): name (with the set-up prefix hint) and description. */
export function DepartmentPage() {
  const { departmentId } = useParams({ from: '/app/admin/departments/$departmentId' });
  const me = useMe();
  const id = departmentId === 'new' ? null : Number(departmentId);
  const department = useQuery({
    queryKey: peopleKeys.department(id ?? 0),
    queryFn: () => api.get<Department>(`/api/v1/departments/${id}`),
    enabled: me.isAdmin && id !== null,
  });
  if (!me.isAdmin || department.isError) return <NotFoundPage />;
  if (id !== null && !department.data) return <Loader />;
  return <DepartmentEditor key={department.data?.id ?? 'new'} department={department.data ?? null} />;
}

function DepartmentEditor({ department }: { department: Department | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState(department?.name ?? '');
  const [description, setDescription] = useState(department?.description ?? '');
  const save = useMutation({
    mutationFn: () => {
      const body: DepartmentBody = { name, description: description.trim() === '' ? null : description };
      return department
        ? api.patch<Department>(`/api/v1/departments/${department.id}`, body)
        : api.post<Department>('/api/v1/departments', body);
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: peopleKeys.departments });
      if (!department)
        await navigate({
          to: '/admin/departments/$departmentId',
          params: { departmentId: String(saved.id) },
        });
    },
  });
  return (
    <Stack maw={720}>
      <AdminPageHeader
        title={department?.name ?? t('people.departments.new')}
        description={t('people.departments.intro')}
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
            <FormError error={fieldError(save.error, 'name') ? null : save.error} />
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
