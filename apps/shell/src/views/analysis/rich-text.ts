import type { RichText, TextRun } from '@profmon/ui'

/*
 * Editing helpers for a conclusion's rich-text document (paragraphs and lists of text runs with
 * bold / italic; the server's `richTextSchema`). Every helper returns a new document, so the editor
 * keeps one reactive value and an edit is one assignment. Text stays text: nothing here parses or
 * produces markup.
 */

type Block = RichText['blocks'][number]

/** Where a run is: its block, the list item (null in a paragraph) and the run's index. */
export interface RunPath {
  block: number
  item: number | null
  run: number
}

/**
 * A document with one empty paragraph, ready to type in.
 *
 * @example
 * emptyDocument() // { blocks: [{ type: 'paragraph', runs: [{ text: '' }] }] }
 */
export function emptyDocument(): RichText {
  return { blocks: [{ type: 'paragraph', runs: [{ text: '' }] }] }
}

// A JSON copy: the document is JSON, and Vue's reactive proxies cannot go through structuredClone.
const clone = (doc: RichText): RichText => JSON.parse(JSON.stringify(doc)) as RichText

function runsAt(doc: RichText, path: Pick<RunPath, 'block' | 'item'>): TextRun[] | undefined {
  const block = doc.blocks[path.block]
  if (!block) return undefined
  return block.type === 'paragraph' ? block.runs : block.items[path.item ?? -1]?.runs
}

/**
 * Appends a paragraph or a bulleted / numbered list with one empty line.
 *
 * @example
 * addBlock(doc, 'list', true) // … a numbered list at the end
 */
export function addBlock(doc: RichText, type: Block['type'], ordered = false): RichText {
  const next = clone(doc)
  next.blocks.push(
    type === 'paragraph'
      ? { type: 'paragraph', runs: [{ text: '' }] }
      : { type: 'list', ordered, items: [{ runs: [{ text: '' }] }] },
  )
  return next
}

/** Removes a block. */
export function removeBlock(doc: RichText, block: number): RichText {
  const next = clone(doc)
  next.blocks.splice(block, 1)
  return next
}

/**
 * Moves a block up (-1) or down (+1); a move past either end changes nothing.
 *
 * @example
 * moveBlock(doc, 2, -1) // the third block becomes the second
 */
export function moveBlock(doc: RichText, block: number, by: -1 | 1): RichText {
  const to = block + by
  if (to < 0 || to >= doc.blocks.length) return doc
  const next = clone(doc)
  const [moved] = next.blocks.splice(block, 1)
  next.blocks.splice(to, 0, moved!)
  return next
}

/** Adds an empty item after `after` in a list (at the end when left out). */
export function addItem(doc: RichText, block: number, after?: number): RichText {
  const next = clone(doc)
  const list = next.blocks[block]
  if (list?.type !== 'list') return doc
  list.items.splice((after ?? list.items.length - 1) + 1, 0, { runs: [{ text: '' }] })
  return next
}

/** Removes a list item; the list goes with its last item. */
export function removeItem(doc: RichText, block: number, item: number): RichText {
  const next = clone(doc)
  const list = next.blocks[block]
  if (list?.type !== 'list') return doc
  list.items.splice(item, 1)
  if (!list.items.length) next.blocks.splice(block, 1)
  return next
}

/** Switches a list between bulleted and numbered. */
export function toggleOrdered(doc: RichText, block: number): RichText {
  const next = clone(doc)
  const list = next.blocks[block]
  if (list?.type === 'list') list.ordered = !list.ordered
  return next
}

/** Sets the text of a run. */
export function setRunText(doc: RichText, path: RunPath, text: string): RichText {
  const next = clone(doc)
  const run = runsAt(next, path)?.[path.run]
  if (run) run.text = text
  return next
}

/**
 * Turns bold or italic on or off for a run.
 *
 * @example
 * toggleMark(doc, { block: 0, item: null, run: 1 }, 'bold')
 */
export function toggleMark(doc: RichText, path: RunPath, mark: 'bold' | 'italic'): RichText {
  const next = clone(doc)
  const run = runsAt(next, path)?.[path.run]
  if (!run) return doc
  if (run[mark]) delete run[mark]
  else run[mark] = true
  return next
}

/** Adds an empty run after a run (a new fragment that can carry its own emphasis). */
export function addRun(doc: RichText, path: RunPath): RichText {
  const next = clone(doc)
  const runs = runsAt(next, path)
  if (!runs) return doc
  runs.splice(path.run + 1, 0, { text: '' })
  return next
}

/** Removes a run; an empty line keeps one empty run to type in. */
export function removeRun(doc: RichText, path: RunPath): RichText {
  const next = clone(doc)
  const runs = runsAt(next, path)
  if (!runs) return doc
  runs.splice(path.run, 1)
  if (!runs.length) runs.push({ text: '' })
  return next
}

// The server refuses control characters but tab and newline (jsonb refuses NUL).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/**
 * The document as the server accepts it: control characters removed, empty runs, items and
 * blocks dropped, neighbouring runs of the same emphasis joined, `false` marks left out.
 *
 * @example
 * normalizeDocument({ blocks: [{ type: 'paragraph', runs: [{ text: 'Цель ' }, { text: 'достигнута' }, { text: '' }] }] })
 * // { blocks: [{ type: 'paragraph', runs: [{ text: 'Цель достигнута' }] }] }
 */
export function normalizeDocument(doc: RichText): RichText {
  const runs = (list: TextRun[]): TextRun[] => {
    const out: TextRun[] = []
    for (const r of list) {
      const text = r.text.replace(CONTROL, '')
      if (!text) continue
      const last = out.at(-1)
      if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += text
      else out.push({ text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) })
    }
    return out
  }
  const blocks: Block[] = []
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') {
      const r = runs(b.runs)
      if (r.length) blocks.push({ type: 'paragraph', runs: r })
    } else {
      const items = b.items.map((i) => ({ runs: runs(i.runs) })).filter((i) => i.runs.length)
      if (items.length) blocks.push({ type: 'list', ordered: b.ordered, items })
    }
  }
  return { blocks }
}

/** Whether two documents say the same once normalized (the editor's "unsaved changes"). */
export function sameDocument(a: RichText, b: RichText): boolean {
  return JSON.stringify(normalizeDocument(a)) === JSON.stringify(normalizeDocument(b))
}

/** Whether a document has no text at all. */
export function isEmptyDocument(doc: RichText): boolean {
  return normalizeDocument(doc).blocks.length === 0
}
