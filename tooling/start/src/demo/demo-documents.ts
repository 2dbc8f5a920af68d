import { ORG_LEVEL_DEPTH } from '@profmon/contract'
import type { Database, Kysely } from '@profmon/db'
import type { Catalog } from '@profmon/server'

/** Share of required documents the demo attaches: the rest shows a "yes" that does not count yet. */
const ATTACHED = 0.85

/** A one-page PDF saying what it stands for (ASCII only: the demo needs no fonts). */
function placeholderPdf(label: string): Uint8Array {
  const text = label.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '')
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets = objects.map((body, i) => {
    const at = pdf.length
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(pdf)
}

/** A stable pseudo-random fraction of a key (FNV-1a), so every demo gets the same documents. */
function fraction(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return (h >>> 0) / 0x100000000
}

/**
 * Attaches placeholder PDFs as evidence in the demo region: for every presence indicator, unit
 * of a level it is meant for and period, most required documents — so the demo's presence
 * indicators are mostly "yes", and some show what a missing document does. Returns the count.
 *
 * @example
 * await attachDemoEvidence(db, catalog, regionId) // 1,234
 */
export async function attachDemoEvidence(db: Kysely<Database>, catalog: Catalog, regionId: number): Promise<number> {
  const region = await db.selectFrom('org_unit').select('path').where('id', '=', regionId).executeTakeFirstOrThrow()
  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'level'])
    .where('path', 'like', `${region.path}%`)
    .execute()
  const periods = await db.selectFrom('period').select('id').execute()
  const rows = []
  for (const { compiled } of catalog.indicators.values()) {
    const ind = compiled.indicator
    if (ind.kind !== 'presence' || !ind.evidence.length) continue
    const depths = new Set(ind.levels.map((l) => ORG_LEVEL_DEPTH[l]))
    for (const e of ind.evidence) {
      const content = placeholderPdf(`profmon demo: ${e.code}`)
      for (const u of units.filter((x) => depths.has(x.level)))
        for (const p of periods)
          if (fraction(`${e.code}|${u.id}|${p.id}`) < ATTACHED)
            rows.push({
              org_unit_id: u.id,
              period_id: p.id,
              indicator_code: ind.code,
              document_code: e.code,
              file_name: `${e.title.ru.slice(0, 80)}.pdf`,
              mime: 'application/pdf',
              size: content.length,
              content,
              uploaded_by: 'demo',
            })
    }
  }
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('document')
      .values(rows.slice(i, i + 1000))
      .execute()
  return rows.length
}
