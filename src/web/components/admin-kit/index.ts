// The pieces every admin screen shares, so lists, forms and errors look and behave alike.
export { AdminList } from './admin-list.tsx';
export { PagedList, type AdminColumn } from './paged-list.tsx';
export { AdminPageHeader } from './admin-page-header.tsx';
export { AdminForm } from './admin-form.tsx';
export { FormError } from './form-error.tsx';
export { PrefixHint, setUpPrefix, withSetUpPrefix } from './prefix-hint.tsx';
export { fieldError } from '../../api/field-errors.ts';
export { draftBindings, orNull, useAdminSave } from './use-admin-save.ts';
