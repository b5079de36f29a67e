import { defineConfig } from 'vitest/config';

// An application's own test suite using kafka-dev: one Kafka for the whole run, started in globalSetup.
export default defineConfig({
  test: {
    globalSetup: ['./global-setup.ts'],
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
