import { describe, expect, it } from 'vitest'
import { richTextSchema } from './rich-text.ts'

describe('richTextSchema', () => {
  it('takes paragraphs and numbered or bulleted lists of plain-text runs with bold and italic', () => {
    const doc = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Доля прошедших диагностику — ' }, { text: '13 %', bold: true }] },
        { type: 'list', ordered: false, items: [{ runs: [{ text: 'Школа № 2', italic: true }] }] },
      ],
    }
    expect(richTextSchema.parse(doc)).toEqual(doc)
  })

  it('keeps markup as text and refuses anything outside the model', () => {
    expect(richTextSchema.parse({ blocks: [{ type: 'paragraph', runs: [{ text: '<b>x</b>' }] }] }).blocks).toHaveLength(
      1,
    )
    expect(richTextSchema.safeParse({ html: '<p>x</p>', blocks: [] }).success).toBe(false)
    expect(richTextSchema.safeParse({ blocks: [{ type: 'html', runs: [{ text: 'x' }] }] }).success).toBe(false)
    expect(
      richTextSchema.safeParse({ blocks: [{ type: 'paragraph', runs: [{ text: 'x', href: 'javascript:1' }] }] })
        .success,
    ).toBe(false)
    expect(richTextSchema.safeParse({ blocks: [{ type: 'paragraph', runs: [{ text: 'a\u0000b' }] }] }).success).toBe(
      false,
    )
    expect(richTextSchema.safeParse({ blocks: [{ type: 'list', ordered: true, items: [] }] }).success).toBe(false)
  })
})
