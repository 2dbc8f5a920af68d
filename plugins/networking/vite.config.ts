import { defineRemoteConfig } from '@profmon/vite-remote'
import { defineConfig } from 'vite'

export default defineConfig(defineRemoteConfig({ id: 'networking', exposes: { './View': './src/ui/View.vue' } }))
