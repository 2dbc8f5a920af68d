import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { DomainError } from '../../errors.ts'

/** Room for the multipart envelope and the small form fields beside the file. */
const ENVELOPE = 64 * 1024

const tooLarge = (maxBytes: number, what: string) =>
  new DomainError(
    'too_large',
    'payload_too_large',
    `${what} больше ${maxBytes / 1024 / 1024} МБ: такой файл не принимается`,
    [{ path: 'file', message: `не больше ${maxBytes / 1024 / 1024} МБ` }],
  )

/**
 * Refuses an upload body over `maxBytes` with 413 while it streams in (a lying or missing
 * Content-Length does not help), before anything is parsed or buffered whole.
 *
 * @example
 * createRoute({ method: 'post', path: '/api/imports', middleware: [uploadLimit(10 * 1024 * 1024, 'Файл')], … })
 */
export function uploadLimit(maxBytes: number, what: string): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes + ENVELOPE,
    onError: () => {
      throw tooLarge(maxBytes, what)
    },
  })
}

/** The exact check on the file itself, once the form is parsed. */
export function assertFileSize(file: File, maxBytes: number, what: string): void {
  if (file.size > maxBytes) throw tooLarge(maxBytes, what)
}

/** The form's file field, or a 400 naming it. */
export function formFile(value: unknown): File {
  if (value instanceof File) return value
  throw new DomainError('invalid', 'invalid_request', 'file: attach the file as multipart field "file"', [
    { path: 'file', message: 'attach the file as multipart field "file"' },
  ])
}

/** The OpenAPI type of a binary download. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * `attachment` with the UTF-8 name (RFC 6266/5987) and a plain ASCII fallback. Whatever the name
 * holds (a user's file name: CR/LF, quotes, `;`, `%`, path separators), the header stays one
 * well-formed line: the fallback keeps printable ASCII but `"`, `\`, `%`, `/`; the UTF-8 form
 * percent-encodes everything outside RFC 5987's attr-char (so `'`, `(`, `)`, `*` too).
 */
export function attachment(fileName: string, inline = false): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%/]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
