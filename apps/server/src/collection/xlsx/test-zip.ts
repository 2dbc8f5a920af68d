import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib'
import { zipEntries } from './zip-guard.ts'

/** One file to put into a test archive; `declare` overrides the unpacked size its headers claim. */
export interface TestZipFile {
  name: string
  data: Uint8Array | string
  declare?: number
  stored?: boolean
}

/**
 * Test helper: a zip archive written by hand, so a test can make what no library writes — headers
 * that lie about sizes, a bomb, a workbook with macros added.
 */
export function writeZip(files: TestZipFile[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const f of files) {
    const raw = typeof f.data === 'string' ? Buffer.from(f.data) : Buffer.from(f.data)
    const packed = f.stored ? raw : deflateRawSync(raw, { level: 9 })
    const name = Buffer.from(f.name)
    const size = f.declare ?? raw.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(f.stored ? 0 : 8, 8)
    local.writeUInt32LE(crc32(raw), 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(f.stored ? 0 : 8, 10)
    central.writeUInt32LE(crc32(raw), 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, cd, end]))
}

/** Test helper: the files of an archive (a real workbook), to change and write back. */
export function readZip(bytes: Uint8Array): TestZipFile[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return zipEntries(bytes).map((e) => {
    const h = e.localHeaderOffset
    const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true)
    const packed = bytes.subarray(start, start + e.compressedSize)
    const data = e.method === 0 ? Buffer.from(packed) : inflateRawSync(packed)
    return { name: e.name, data }
  })
}
