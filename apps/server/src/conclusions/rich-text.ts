import { z } from '@hono/zod-openapi'

const isControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f

// PostgreSQL's jsonb refuses NUL; other control characters but tab and newline have no place in prose.
const plain = z
  .string()
  .min(1)
  .max(10_000)
  .refine((s) => ![...s].some((ch) => isControl(ch.charCodeAt(0))), 'control characters are not allowed')

/**
 * A run of plain text with optional emphasis. Text is never markup: `<b>` stays the four characters.
 *
 * @example
 * textRunSchema.parse({ text: 'не выполнен', bold: true })
 */
export const textRunSchema = z
  .object({ text: plain, bold: z.boolean().optional(), italic: z.boolean().optional() })
  .strict()
  .openapi('TextRun')

const runs = z.array(textRunSchema).min(1).max(500)

/** A paragraph: runs of text. */
export const paragraphSchema = z
  .object({ type: z.literal('paragraph'), runs })
  .strict()
  .openapi('Paragraph')

/** A bulleted (`ordered: false`) or numbered list; each item is runs of text. */
export const listBlockSchema = z
  .object({
    type: z.literal('list'),
    ordered: z.boolean(),
    items: z.array(z.object({ runs }).strict()).min(1).max(500),
  })
  .strict()
  .openapi('ListBlock')

/**
 * The small, safe document model of a written conclusion: paragraphs and lists of plain-text runs
 * with bold / italic. Stored as JSON and rendered by each surface; HTML is never stored.
 *
 * @example
 * richTextSchema.parse({
 *   blocks: [
 *     { type: 'paragraph', runs: [{ text: 'Показатель ' }, { text: 'не выполнен', bold: true }] },
 *     { type: 'list', ordered: true, items: [{ runs: [{ text: 'Школа № 2' }] }] },
 *   ],
 * })
 */
export const richTextSchema = z
  .object({ blocks: z.array(z.discriminatedUnion('type', [paragraphSchema, listBlockSchema])).max(1000) })
  .strict()
  .refine((doc) => JSON.stringify(doc).length <= 500_000, { message: 'the document is larger than 500 KB' })
  .openapi('RichText')

/** A written conclusion's body. */
export type RichText = z.infer<typeof richTextSchema>
