import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Activation, AdminHealth, Page } from '../../api/contract.ts';

export const adminHealthQuery = queryOptions({
  queryKey: ['admin', 'health'],
  queryFn: () => api.get<AdminHealth>('/api/v1/admin/health'),
});

export const activationsQuery = queryOptions({
  queryKey: ['activations'],
  queryFn: () => api.get<Page<Activation>>('/api/v1/activations'),
});
