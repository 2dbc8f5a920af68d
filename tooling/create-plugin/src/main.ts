/**
 * `pnpm create-plugin <id> [--dir <folder>] [--title "…"]`: scaffolds a plugin into
 * `plugins/<id>` (or the folder given) and says what to run next.
 */
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { scaffoldPlugin, ScaffoldError } from './scaffold.ts'

const USAGE = 'usage: pnpm create-plugin <id> [--dir <folder>] [--title "…"]'

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { dir: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help || positionals.length !== 1) {
    console.error(USAGE)
    return values.help ? 0 : 1
  }
  // pnpm runs root scripts in the repository root; a relative --dir means the caller's folder.
  const cwd = process.env.INIT_CWD ?? process.cwd()
  const id = positionals[0]!
  try {
    const result = await scaffoldPlugin({
      id,
      dir: values.dir === undefined ? undefined : resolve(cwd, values.dir),
      title: values.title,
    })
    const rel = relative(cwd, result.dir)
    const where = rel.startsWith('..') ? result.dir : rel || '.'
    console.log(`created plugin "${id}" in ${where}:`)
    for (const file of result.files) console.log(`  ${file}`)
    console.log(
      result.inWorkspace
        ? `next: pnpm install && pnpm --filter @profmon/plugin-${id} test && pnpm --filter @profmon/plugin-${id} build`
        : `next: cd ${where} && npx vitest run && npx vite build, then start the server with PLUGINS_DIR=<its parent folder>`,
    )
    return 0
  } catch (e) {
    if (e instanceof ScaffoldError) {
      console.error(`create-plugin: ${e.message}`)
      return 1
    }
    throw e
  }
}

process.exitCode = await main(process.argv.slice(2))
