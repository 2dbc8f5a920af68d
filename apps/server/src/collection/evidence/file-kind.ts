import { fileTypeFromBuffer } from 'file-type'

/** What evidence may be: documents and scans. Checked on the content, never on the name. */
export const EVIDENCE_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'image/png': 'png',
  'image/jpeg': 'jpg',
}

/**
 * The type of an uploaded file from its bytes (magic numbers, and for DOCX/XLSX the zip's
 * entries), or undefined when it is none of {@link EVIDENCE_TYPES}.
 *
 * @example
 * await evidenceKind(pngBytes) // { mime: 'image/png', ext: 'png' } — whatever the file was called
 */
export async function evidenceKind(bytes: Uint8Array): Promise<{ mime: string; ext: string } | undefined> {
  const found = await fileTypeFromBuffer(bytes)
  if (!found || !(found.mime in EVIDENCE_TYPES)) return undefined
  return { mime: found.mime, ext: EVIDENCE_TYPES[found.mime]! }
}

/** The stored name: the uploaded name with the extension of what the file really is. */
export function storedName(uploaded: string, ext: string): string {
  const base =
    uploaded
      .replace(/[\\/]/g, '_')
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .trim() || 'document'
  return `${base}.${ext}`
}
