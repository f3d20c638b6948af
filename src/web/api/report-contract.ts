/** The report endpoints' answers as the dashboards see them (type-only, from the server's schemas). */
import type { z } from 'zod';
import type {
  openTrendResponse,
  slaPerformanceResponse,
  timeLoggedResponse,
} from '../../modules/report/live-reports.schemas.ts';
import type { TicketGrouping, ticketCountsResponse } from '../../modules/report/ticket-counts.schemas.ts';

export type { TicketGrouping };
export type TicketCounts = z.output<typeof ticketCountsResponse>;
export type TicketCountGroup = TicketCounts['items'][number];
export type OpenTrend = z.output<typeof openTrendResponse>;
export type SlaPerformance = z.output<typeof slaPerformanceResponse>;
export type TimeLogged = z.output<typeof timeLoggedResponse>;
export type TimeGrouping = 'resource' | 'workType' | 'company' | 'day';

export type {
  DashboardListResponse as DashboardList,
  DashboardResponse as SavedDashboard,
  WidgetDefinition,
} from '../../modules/dashboard/dashboard.schemas.ts';
