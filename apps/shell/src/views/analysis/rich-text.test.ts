import type { RichText } from '@profmon/ui'
import { describe, expect, it } from 'vitest'
import {
  addBlock,
  addItem,
  addRun,
  emptyDocument,
  isEmptyDocument,
  moveBlock,
  normalizeDocument,
  removeItem,
  removeRun,
  sameDocument,
  setRunText,
  toggleMark,
  toggleOrdered,
} from './rich-text.ts'

const at = (block: number, run = 0, item: number | null = null) => ({ block, item, run })

describe('rich-text editing', () => {
  it('builds a paragraph with a bold fragment and a numbered list, leaving the input untouched', () => {
    const start = emptyDocument()
    let doc = setRunText(start, at(0), 'Показатель ')
    doc = addRun(doc, at(0))
    doc = setRunText(doc, at(0, 1), 'не выполнен')
    doc = toggleMark(doc, at(0, 1), 'bold')
    doc = addBlock(doc, 'list', true)
    doc = setRunText(doc, at(1, 0, 0), 'Калиновский район')
    doc = addItem(doc, 1)
    doc = setRunText(doc, at(1, 0, 1), 'Город Верхнеозёрск')
    expect(doc).toEqual({
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Показатель ' }, { text: 'не выполнен', bold: true }] },
        {
          type: 'list',
          ordered: true,
          items: [{ runs: [{ text: 'Калиновский район' }] }, { runs: [{ text: 'Город Верхнеозёрск' }] }],
        },
      ],
    })
    expect(start).toEqual(emptyDocument())
  })

  it('toggles a mark off again and switches a list between numbered and bulleted', () => {
    const bold = toggleMark(emptyDocument(), at(0), 'italic')
    expect(bold.blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: '', italic: true }] })
    expect(toggleMark(bold, at(0), 'italic').blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: '' }] })
    const list = addBlock({ blocks: [] }, 'list')
    expect(toggleOrdered(list, 0).blocks[0]).toMatchObject({ ordered: true })
  })

  it('moves blocks within bounds only', () => {
    const doc: RichText = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'a' }] },
        { type: 'paragraph', runs: [{ text: 'b' }] },
      ],
    }
    expect(moveBlock(doc, 1, -1).blocks.map((b) => (b.type === 'paragraph' ? b.runs[0]!.text : ''))).toEqual(['b', 'a'])
    expect(moveBlock(doc, 0, -1)).toBe(doc)
  })

  it('keeps one empty run in a line and drops a list with its last item', () => {
    expect(removeRun(emptyDocument(), at(0)).blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: '' }] })
    expect(removeItem(addBlock({ blocks: [] }, 'list'), 0, 0)).toEqual({ blocks: [] })
  })
})

describe('normalizeDocument', () => {
  it('drops empty runs, items and blocks and joins runs of the same emphasis', () => {
    const doc: RichText = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Цель ' }, { text: 'достигнута', bold: false }, { text: '' }] },
        { type: 'paragraph', runs: [{ text: '' }] },
        { type: 'list', ordered: false, items: [{ runs: [{ text: '' }] }, { runs: [{ text: 'x', bold: true }] }] },
        { type: 'list', ordered: true, items: [{ runs: [{ text: '' }] }] },
      ],
    }
    expect(normalizeDocument(doc)).toEqual({
      blocks: [
        { type: 'paragraph', runs: [{ text: 'Цель достигнута' }] },
        { type: 'list', ordered: false, items: [{ runs: [{ text: 'x', bold: true }] }] },
      ],
    })
  })

  it('removes control characters the server refuses but keeps markup-looking text as text', () => {
    const doc: RichText = { blocks: [{ type: 'paragraph', runs: [{ text: '<b>1\u0000\t2\n</b>' }] }] }
    expect(normalizeDocument(doc).blocks[0]).toEqual({ type: 'paragraph', runs: [{ text: '<b>1\t2\n</b>' }] })
  })

  it('tells an empty document and an unchanged one', () => {
    expect(isEmptyDocument(emptyDocument())).toBe(true)
    const a: RichText = { blocks: [{ type: 'paragraph', runs: [{ text: 'a' }, { text: 'b' }] }] }
    const b: RichText = {
      blocks: [
        { type: 'paragraph', runs: [{ text: 'ab' }] },
        { type: 'paragraph', runs: [{ text: '' }] },
      ],
    }
    expect(sameDocument(a, b)).toBe(true)
  })
})
