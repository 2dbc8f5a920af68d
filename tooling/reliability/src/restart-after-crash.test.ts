import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { spawnServer, startServer, waitForHealth, type ServerProcess } from './server-process.ts'
import { recordReliability } from './summary/record.ts'

describe('one DATA_DIR, the real server', () => {
  const running: ServerProcess[] = []
  let parent = ''
  afterAll(async () => {
    for (const s of running) await s.crash()
    if (parent) await rm(parent, { recursive: true, force: true })
  })

  it('refuses a second live server, and restarts on the first try right after kill -9', async () => {
    parent = await mkdtemp(join(tmpdir(), 'profmon-restart-'))
    const DATA_DIR = join(parent, 'data')
    const first = await startServer({ DATA_DIR })
    running.push(first)

    // A second live process on the same folder: refused at once with the clear message, exit 1.
    const second = await spawnServer({ DATA_DIR })
    running.push(second)
    expect(await second.exited).toBe(1)
    expect(second.output()).toMatch(new RegExp(`in use by another profmon process \\(pid ${first.child.pid} on `))
    // The first one was not disturbed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200)

    // A crash: nothing runs at exit, the lock file stays behind naming the dead process.
    await first.crash()
    const lock = JSON.parse(await readFile(`${DATA_DIR}.lock`, 'utf8'))
    expect(lock.pid).toBe(first.child.pid)

    // Restarted at once, as a user would after a crash: it must come up on the first try.
    const restarted = await spawnServer({ DATA_DIR })
    running.push(restarted)
    await waitForHealth(restarted)
    expect(restarted.output()).not.toMatch(/in use by another profmon process/)
    const health = (await (await fetch(`${restarted.url}/api/health`)).json()) as { engine: string }
    expect(health.engine).toBe('pglite')
    await restarted.stop()
    expect(await restarted.exited).toBe(0)
    await recordReliability({
      kind: 'fault',
      engine: 'pglite',
      name: 'kill -9, then restart at once on the same DATA_DIR (and a second live process refused)',
      survived: true,
    })
  })
})
