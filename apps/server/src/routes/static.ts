import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { Hono, type Context } from 'hono'
import { REPO_ROOT } from '../config.ts'
import type { AppDeps } from '../context.ts'

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/** The shell's build, served at `/`. */
export const SHELL_DIST = resolve(REPO_ROOT, 'apps/shell/dist')

/** A file inside `root`, or undefined (missing, a folder, or a path escaping the root). */
export async function fileIn(root: string, path: string): Promise<string | undefined> {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return undefined // a malformed %-sequence names no file
  }
  const full = normalize(join(root, decoded))
  if (full !== root && !full.startsWith(root + sep)) return undefined
  const info = await stat(full).catch(() => undefined)
  return info?.isFile() ? full : undefined
}

async function send(c: Context, file: string, cache: string) {
  return c.body(await readFile(file), 200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache,
  })
}

// Vite names built chunks by content hash: they never change, so they are cached for a year.
const cacheFor = (path: string) =>
  /\/assets\/|-[A-Za-z0-9_-]{8}\.(js|css)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'

/**
 * Static files: each plugin's federated UI under `/plugins/<id>/` (a missing file is a 404, so
 * the shell shows that plugin's error card) and the shell at `/` with a fallback to its
 * index.html for client-side routes. `/api/*` is never answered here.
 */
export function staticRoutes({ pluginUiDirs }: AppDeps) {
  const app = new Hono()
  app.get('/plugins/:id/*', async (c) => {
    const dir = pluginUiDirs.get(c.req.param('id'))
    const rest = c.req.path.slice(`/plugins/${c.req.param('id')}/`.length)
    const file = dir ? await fileIn(dir, rest) : undefined
    if (!file) return c.json({ error: { code: 'not_found', message: `no file ${c.req.path}`, details: [] } }, 404)
    return send(c, file, cacheFor(c.req.path))
  })
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next()
    if (!existsSync(SHELL_DIST))
      return c.text('The shell is not built: run pnpm build (pnpm start does it).', 503)
    const file = c.req.path === '/' ? undefined : await fileIn(SHELL_DIST, c.req.path)
    if (file) return send(c, file, cacheFor(c.req.path))
    // Files that look like assets are not routes: a 404, not the app's page.
    if (extname(c.req.path)) return c.text('not found', 404)
    return send(c, join(SHELL_DIST, 'index.html'), 'no-cache')
  })
  return app
}
