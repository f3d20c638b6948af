import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../app-route.tsx';

// Automation (#12 item 7): workflow rules (test run, run log), notification templates (preview),
// webhooks (send test, delivery log). '$…Id' is 'new' to add one.

export const adminAutomationRoutes = [
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/automation/rules',
    component: lazyRouteComponent(
      () => import('../../pages/admin-automation/rule-list-page.tsx'),
      'RuleListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/automation/rules/$ruleId',
    component: lazyRouteComponent(() => import('../../pages/admin-automation/rule-page.tsx'), 'RulePage'),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/automation/templates',
    component: lazyRouteComponent(
      () => import('../../pages/admin-automation/template-list-page.tsx'),
      'TemplateListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/automation/templates/$templateId',
    component: lazyRouteComponent(
      () => import('../../pages/admin-automation/template-page.tsx'),
      'TemplatePage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/automation/webhooks',
    component: lazyRouteComponent(
      () => import('../../pages/admin-automation/webhook-list-page.tsx'),
      'WebhookListPage',
    ),
  }),
  createRoute({
    getParentRoute: () => appRoute,
    path: '/admin/automation/webhooks/$webhookId',
    component: lazyRouteComponent(
      () => import('../../pages/admin-automation/webhook-page.tsx'),
      'WebhookPage',
    ),
  }),
] as const;
