import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Set-up opens a fresh database and imports manifests:
    // well under the default 10 s alone, but not on a loaded 2-core CI machine.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
})
