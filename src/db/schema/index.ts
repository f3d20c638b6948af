export * from './enums.ts';
export * from './organisation.ts';
export * from './access.ts';
