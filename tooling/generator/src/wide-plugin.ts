import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CONTRACT_VERSION } from '@profmon/contract'

/** A made-up direction for large imports: `columns` whole-number elements entered by organisations. */
export interface WidePlugin {
  /** The plugin id (`bench-wide`); element codes are `<id with _>.e001` and on. */
  id: string
  columns: number
  /** Its Russian title. */
  title: string
}

/**
 * Writes a plugin folder for `plugin` under `root` (a plugins folder, as `PLUGINS_DIR` or a
 * server's `pluginDirs` take it) and returns `root`. No installed direction is this wide: the
 * import bench and the kill -9 test need 100,000 values from one XLSX.
 *
 * @example
 * const dir = await writeWidePlugin(await mkdtemp(join(tmpdir(), 'plugins-')), { id: 'bench-wide', columns: 100, title: 'Широкий шаблон' })
 */
export async function writeWidePlugin(root: string, plugin: WidePlugin): Promise<string> {
  const dir = join(root, plugin.id)
  await mkdir(dir, { recursive: true })
  const code = (i: number) => wideElementCode(plugin.id, i)
  const manifest = {
    id: plugin.id,
    version: '1.0.0',
    contract: `^${CONTRACT_VERSION}`,
    title: { ru: plugin.title },
    dataElements: Array.from({ length: plugin.columns }, (_, i) => ({
      code: code(i),
      title: { ru: `Показатель ${i + 1}` },
      valueType: 'integer',
      min: 0,
    })),
    indicators: [
      {
        code: `${plugin.id.replace(/-/g, '_')}.total`,
        title: { ru: 'Сумма' },
        kind: 'count',
        formula: `#{${code(0)}}`,
      },
    ],
  }
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: plugin.id, profmon: { manifest: 'manifest.mjs' } }))
  await writeFile(join(dir, 'manifest.mjs'), `export default ${JSON.stringify(manifest)}\n`)
  return root
}

/** The code of a wide plugin's `index`th element (from 0): `bench-wide`, 0 → `bench_wide.e001`. */
export const wideElementCode = (id: string, index: number) =>
  `${id.replace(/-/g, '_')}.e${String(index + 1).padStart(3, '0')}`
