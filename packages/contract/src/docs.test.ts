import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Plugin authors read the contract first: every export of every entry point of the package has
 * a TSDoc comment with an `@example`, and every example type-checks against the real exports.
 * Each example becomes its own module that imports every export by name; the names below are
 * declared for all of them, so an example may use them without setting them up.
 */
const PREAMBLE = `
declare const manifest: PluginManifest
declare const indicator: Indicator
`

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const exportsField = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')).exports as Record<string, string>
const ENTRIES = Object.values(exportsField).map((path) => join(PACKAGE, path))
/** The generated modules sit beside the sources (in memory only), so imports resolve as in the package. */
const EXAMPLES_DIR = join(PACKAGE, 'src/__examples__')

const base = ts.getParsedCommandLineOfConfigFile(
  join(PACKAGE, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    },
  },
)!
// Examples import types and values alike by name.
const OPTIONS: ts.CompilerOptions = { ...base.options, verbatimModuleSyntax: false, noEmit: true }

interface Documented {
  name: string
  /** Where the symbol is declared, relative to the package. */
  file: string
  summary: string
  examples: string[]
}

/** Every export of every entry point (first entry wins for a name exported twice), with its docs. */
function collectExports(): { symbols: Documented[]; imports: string } {
  const program = ts.createProgram(ENTRIES, OPTIONS)
  const checker = program.getTypeChecker()
  const symbols = new Map<string, Documented>()
  const imports: string[] = []
  for (const entry of ENTRIES) {
    const source = program.getSourceFile(entry)!
    const names: string[] = []
    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)) {
      if (symbols.has(exported.name)) continue
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
      const declaration = symbol.declarations![0]!
      const tags = ts.getJSDocTags(declaration).filter((t) => t.tagName.text === 'example')
      symbols.set(exported.name, {
        name: exported.name,
        file: declaration.getSourceFile().fileName.slice(PACKAGE.length),
        summary: ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim(),
        examples: tags.map((t) => ts.getTextOfJSDocComment(t.comment) ?? ''),
      })
      names.push(exported.name)
    }
    const from = `./${join('..', entry.slice(join(PACKAGE, 'src').length + 1))}`
    imports.push(`import { ${names.join(', ')} } from '${from}'`)
  }
  return { symbols: [...symbols.values()], imports: imports.join('\n') }
}

/** Type-checks each symbol's examples as a module of its own; the errors by symbol name. */
function checkExamples(symbols: Documented[], imports: string): Map<string, string[]> {
  const head = `${imports}\n${PREAMBLE}\nexport {}\n\n`
  const headLines = head.split('\n').length - 1
  const modules = new Map(
    symbols
      .filter((s) => s.examples.length)
      .map((s) => [join(EXAMPLES_DIR, `${s.name}.ts`), `${head}${s.examples.join('\n\n')}\n`]),
  )
  const host = ts.createCompilerHost(OPTIONS)
  const { getSourceFile, fileExists, readFile } = host
  host.fileExists = (f) => modules.has(f) || fileExists.call(host, f)
  host.readFile = (f) => modules.get(f) ?? readFile.call(host, f)
  host.getSourceFile = (f, language, ...rest) => {
    const text = modules.get(f)
    return text === undefined ? getSourceFile.call(host, f, language, ...rest) : ts.createSourceFile(f, text, language)
  }
  const program = ts.createProgram([...modules.keys()], OPTIONS, host)
  const errors = new Map<string, string[]>()
  for (const file of modules.keys()) {
    const source = program.getSourceFile(file)
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    if (!diagnostics.length) continue
    errors.set(
      file.slice(EXAMPLES_DIR.length + 1, -'.ts'.length),
      diagnostics.map((d) => {
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0
        return `example line ${line - headLines + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
      }),
    )
  }
  return errors
}

const { symbols, imports } = collectExports()

describe('the contract documents every export', () => {
  it('reads the three entry points', () => {
    expect(symbols.map((s) => s.name)).toEqual(expect.arrayContaining(['definePlugin', 'evaluateAt', 'remoteNameOf']))
  })

  it.each(symbols.map((s) => [s.name, s] as const))('%s has a summary and an @example', (_, s) => {
    expect(s.summary, `${s.name} (${s.file}) has no doc comment`).not.toBe('')
    expect(s.examples.length, `${s.name} (${s.file}) has no @example`).toBeGreaterThan(0)
  })

  it('every example compiles against the real exports', () => {
    const errors = checkExamples(symbols, imports)
    const report = [...errors].map(([name, list]) => `${name}:\n  ${list.join('\n  ')}`).join('\n')
    expect(report, report).toBe('')
  }, 60_000)
})
