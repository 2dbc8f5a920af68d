import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Each test starts the real server (migrations, catalog sync) in a child process, sometimes
    // twice, on a machine other test runs share.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
