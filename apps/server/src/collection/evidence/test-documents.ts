import type { Database, Kysely } from '@profmon/db'

/** The smallest valid PNG: a 1×1 transparent pixel. */
export const PNG_BYTES = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
)

/** Test helper: a deficits analysis report stored directly, as if uploaded. */
export async function insertDocument(
  db: Kysely<Database>,
  args: { orgUnit: number; period: string; uploadedBy: string; document?: string },
): Promise<number> {
  const period = await db.selectFrom('period').select('id').where('code', '=', args.period).executeTakeFirstOrThrow()
  const row = await db
    .insertInto('document')
    .values({
      org_unit_id: args.orgUnit,
      period_id: period.id,
      indicator_code: 'deficits.analysis_presence',
      document_code: args.document ?? 'deficits.analysis_report',
      file_name: 'report.png',
      mime: 'image/png',
      size: PNG_BYTES.length,
      content: PNG_BYTES,
      uploaded_by: args.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
