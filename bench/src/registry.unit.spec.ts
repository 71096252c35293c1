// Proves the registry is usable by `--only`: every scenario has a unique kebab-case name and a title.
import { describe, expect, it } from 'vitest'
import { SCENARIOS } from './registry.js'

describe('the scenario registry', () => {
  it('names every scenario once, in kebab-case, with a title', () => {
    const names = SCENARIOS.map((scenario) => scenario.name)
    expect(new Set(names).size).toBe(names.length)
    for (const scenario of SCENARIOS) {
      expect(scenario.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(scenario.title.length).toBeGreaterThan(0)
    }
  })
})
