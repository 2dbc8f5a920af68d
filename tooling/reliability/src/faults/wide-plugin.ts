import { wideElementCode, writeWidePlugin } from '@profmon/generator'

export const WIDE_PLUGIN = 'fault-wide'
export const WIDE_COLUMNS = 500

/**
 * A direction of 500 whole-number elements entered by organisations, in a plugins folder of its
 * own (`PLUGINS_DIR`): the demo region's 200 organisations × 500 columns make the 100,000 values
 * of one XLSX import.
 */
export function widePluginDir(root: string): Promise<string> {
  return writeWidePlugin(root, { id: WIDE_PLUGIN, columns: WIDE_COLUMNS, title: 'Широкий шаблон (проверка сбоев)' })
}

/** The code of the `index`th element (from 0). */
export const wideElement = (index: number) => wideElementCode(WIDE_PLUGIN, index)
