import { defineRemoteConfig } from '@profmon/vite-remote'
import { defineConfig } from 'vite'

export default defineConfig(defineRemoteConfig({ id: 'mentoring', exposes: { './View': './src/ui/View.vue' } }))
