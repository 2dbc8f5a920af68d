import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'

// Swagger UI's files are served from the package, never from a CDN: many users have no internet.
const uiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

const PAGE = `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <title>profmon API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true })`

/** `/api/docs`: an interactive page over `/api/openapi.json`, fully self-hosted. */
export function docsRoutes() {
  return new Hono()
    .get('/api/docs', (c) => c.html(PAGE))
    .get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
    .get('/api/docs/:asset', async (c) => {
      const asset = c.req.param('asset')
      const type = ASSETS[asset]
      if (!type) return c.notFound()
      return c.body(await readFile(join(uiDir, asset)), 200, {
        'content-type': type,
        'cache-control': 'public, max-age=86400',
      })
    })
}
