// Module hooks that let a plain `node` child process run this workspace's TypeScript sources (the
// multi-process test's workers): `.ts` files are transpiled on load with the project's own
// TypeScript, and a source's `./x.js` import finds `./x.ts`. With WALLET_LEDGER_TS_CACHE set to a
// directory, transpiled files are kept there (keyed by path and content), so the workers started
// after a first one skip TypeScript altogether. Used with
// `node --conditions=@wallet-ledger/source --import <registerTs.mjs>`; tests only.
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const cacheDirectory = process.env['WALLET_LEDGER_TS_CACHE']
let typescript

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context)
  } catch (error) {
    const isSourceImport = context.parentURL?.endsWith('.ts') && specifier.endsWith('.js')
    if (!isSourceImport) throw error
    return nextResolve(`${specifier.slice(0, -'.js'.length)}.ts`, context)
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context)
  const fileName = fileURLToPath(url)
  const source = await readFile(fileName, 'utf8')
  return { format: 'module', source: await transpiled(fileName, source), shortCircuit: true }
}

async function transpiled(fileName, source) {
  const key = createHash('sha256').update(fileName).update('\0').update(source).digest('hex')
  const cached = cacheDirectory === undefined ? undefined : join(cacheDirectory, `${key}.js`)
  if (cached !== undefined) {
    const found = await readFile(cached, 'utf8').catch(() => undefined)
    if (found !== undefined) return found
  }
  typescript ??= (await import('typescript')).default
  const { outputText } = typescript.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  })
  if (cached !== undefined) {
    await mkdir(cacheDirectory, { recursive: true })
    // Written under a unique name then renamed would be atomic; a partial read is impossible here
    // because the first worker finishes before the others start.
    await writeFile(cached, outputText)
  }
  return outputText
}
