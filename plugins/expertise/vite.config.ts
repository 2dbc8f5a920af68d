import { defineRemoteConfig } from '@profmon/vite-remote'
import { defineConfig } from 'vite'

export default defineConfig(defineRemoteConfig({ id: 'expertise', exposes: { './View': './src/ui/View.vue' } }))
