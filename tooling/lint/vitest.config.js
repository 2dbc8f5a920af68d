import { defineConfig } from 'vitest/config'

// Each case lints files with the whole configuration: seconds apiece on a busy machine.
export default defineConfig({ test: { testTimeout: 60_000 } })
