import type { ChangeEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { fieldError } from '../../api/field-errors.ts';

interface AdminSaveOptions<Body> {
  /** The collection, e.g. '/api/v1/roles': POST there to add, PATCH `${path}/${id}` to change. */
  path: string;
  /** null while adding a new one. */
  id: number | null;
  body: () => Body;
  /** The cache keys whose lists show what was saved. */
  invalidate: readonly (readonly unknown[])[];
  /** After adding: open the new one's own page, so a second save changes it instead of adding another. */
  openAdded: (id: number) => Promise<void>;
}

/**
 * The save of an admin form: add or change through the API, refresh the lists,
 * open what was added. `formError` is the refusal that belongs to no field of the form.
 */
export function useAdminSave<Body, Saved extends { id: number }>(
  options: AdminSaveOptions<Body>,
  fields: readonly string[],
) {
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      options.id === null
        ? api.post<Saved>(options.path, options.body())
        : api.patch<Saved>(`${options.path}/${options.id}`, options.body()),
    onSuccess: async (saved) => {
      await Promise.all(options.invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
      if (options.id === null) await options.openAdded(saved.id);
    },
  });
  const atAField = fields.some((field) => fieldError(save.error, field));
  return { save, formError: atAField ? null : save.error };
}

type Draft = Record<string, unknown>;

/**
 * The props that bind a form's inputs to its draft and to the API's issue at that field:
 * `text('city')` for a TextInput, `toggle('active')` for a Switch.
 */
export function draftBindings<D extends Draft>(draft: D, set: (patch: Partial<D>) => void, error: unknown) {
  return {
    text: (key: keyof D & string) => ({
      value: typeof draft[key] === 'string' ? draft[key] : '',
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
        set({ [key]: event.currentTarget.value } as Partial<D>),
      error: fieldError(error, key),
    }),
    toggle: (key: keyof D & string) => ({
      checked: draft[key] === true,
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        set({ [key]: event.currentTarget.checked } as Partial<D>),
      error: fieldError(error, key),
    }),
  };
}

/** An optional text field as the API takes it: empty (or blank) is "none". */
export const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
