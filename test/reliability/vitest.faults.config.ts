import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the fault runs against real processes (test/reliability/*.fault.ts). They kill
// servers and workers, restart a private PostgreSQL and take minutes, so `npm test` leaves them out;
// docs/RELIABILITY.md records their last results. One file at a time: they measure.
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.fault.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
