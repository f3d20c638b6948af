export * from './enums.ts';
export * from './organisation.ts';
export * from './access.ts';
export * from './ticketing-config.ts';
export * from './tickets.ts';
export * from './worklists.ts';
export * from './automation.ts';
export * from './dashboards.ts';
