// Module hooks that let a plain `node` child process run this workspace's TypeScript sources (the
// multi-process test's workers): `.ts` files are transpiled on load with the project's own
// TypeScript, and a source's `./x.js` import finds `./x.ts`. Used with
// `node --conditions=@wallet-ledger/source --import <register.mjs>`; tests only.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

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
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  })
  return { format: 'module', source: outputText, shortCircuit: true }
}
