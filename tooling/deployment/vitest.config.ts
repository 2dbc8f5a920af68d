import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Each test starts real servers (and a proxy or a standby) as child processes on a machine
    // other test runs share; one file at a time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
