import { defineHostConfig } from '@profmon/vite-remote'
import { defineConfig } from 'vite'

export default defineConfig(defineHostConfig())
