import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Opening a new embedded database on disk (initdb in WASM) takes 2–7 s on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
