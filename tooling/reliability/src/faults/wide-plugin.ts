import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const WIDE_PLUGIN = 'fault-wide'
export const WIDE_COLUMNS = 500

/**
 * A direction of 500 whole-number elements entered by organisations, in a plugins folder of its
 * own (`PLUGINS_DIR`): the demo region's 200 organisations × 500 columns make the 100,000 values
 * of one XLSX import.
 */
export async function widePluginDir(root: string, contract: string): Promise<string> {
  const dir = join(root, WIDE_PLUGIN)
  await mkdir(dir, { recursive: true })
  const code = (i: number) => `fault_wide.e${String(i + 1).padStart(3, '0')}`
  const manifest = {
    id: WIDE_PLUGIN,
    version: '1.0.0',
    contract: `^${contract}`,
    title: { ru: 'Широкий шаблон (проверка сбоев)' },
    dataElements: Array.from({ length: WIDE_COLUMNS }, (_, i) => ({
      code: code(i),
      title: { ru: `Показатель ${i + 1}` },
      valueType: 'integer',
      min: 0,
    })),
    indicators: [{ code: 'fault_wide.total', title: { ru: 'Сумма' }, kind: 'count', formula: `#{${code(0)}}` }],
  }
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: WIDE_PLUGIN, profmon: { manifest: 'manifest.mjs' } }),
  )
  await writeFile(join(dir, 'manifest.mjs'), `export default ${JSON.stringify(manifest)}\n`)
  return root
}
