// Proves `wallet-ledger demo`, run as a child process, tells the whole story a person must see
// (what it shows, not every byte), in the ledger's local time, with a clean audit and a head hash.
import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { runBinary, temporaryFolder } from '../../test/__fixtures__/runBinary.js'

describe('wallet-ledger demo on a memory: store', () => {
  const run = () => runBinary(['--store', 'memory:', 'demo'])
  let output = ''
  let status: number | null = null
  beforeAll(() => {
    const result = run()
    output = result.stdout
    status = result.status
    if (status !== 0) console.error(result.stderr)
  }, 120_000)

  it('exits 0 after a clean audit and prints the head hash to keep', () => {
    expect(status).toBe(0)
    expect(output).toMatch(/│ clean\s+│ \d+\s+│ \d+\s+│ 0\s+│/)
    expect(output).toMatch(/head hash: [0-9a-f]{64}/)
  })

  it('opens accounts with two-factor and tops up from a bank, a card and a crypto network', () => {
    expect(output).toMatch(/│ alice\s+│ user\s+│ active │ on\s+│ set/)
    for (const source of ['bank_transfer', 'card', 'crypto (tron)'])
      expect(output).toContain(source)
  })

  it('shows a QR payment with its promotion, an online payment, a P2P transfer and a bill', () => {
    expect(output).toMatch(
      /merchant_qr │ bob\s+│ noodle-bar\s+│\s+88\.88 CNY │\s+13\.33 │\s+75\.55/,
    )
    expect(output).toMatch(/online\s+│ carol .* 99\.99 │\s+0\.00 │ completed/)
    expect(output).toMatch(/p2p\s+│ alice\s+│ bob .* 45\.50 │\s+0\.00 │ completed/)
    expect(output).toMatch(/bill\s+│ dave\s+│ state-grid .* 356\.20 │\s+0\.00 │ completed/)
  })

  it('trades USDT for BTC and withdraws with the 1 to 3 business-day window, then completes', () => {
    expect(output).toMatch(/1234\.567891 USDT │ 0\.01287913 BTC │ executed/)
    expect(output).toMatch(/submitted .* Monday 2026-11-30 │ Wednesday 2026-12-02/)
    expect(output).toMatch(/2026-11-30 15:00:00 \+08:00 │ completed\s+│ completed/)
  })

  it('refuses for insufficient balance, a frozen account and a failed security check, with why', () => {
    for (const code of ['insufficient_balance', 'account_frozen', 'security_check_failed']) {
      expect(output).toMatch(new RegExp(`│ ${code}\\s+│ \\w`))
    }
  })

  it('prints the dispute with its evidence, its escalation and its refund (never "refunded 0.00")', () => {
    expect(output).toMatch(/support takes the case: escalated\s+│ escalated/)
    expect(output).toMatch(/resolved for ivan, refunded\s+│ resolved_payer/)
    expect(output).toMatch(/payer\s+│ chat-log-order-5521\.txt\s+│ [0-9a-f]{64}/)
    expect(output).toContain('The dispute refunded 80.00 CNY to ivan.')
    expect(output).toMatch(/online\s+│ ivan\s+│ online-mall .* 80\.00 │\s+80\.00 │ refunded/)
    expect(output).not.toMatch(/refunded 0\.00/)
  })

  it('freezes the stolen account and disputes the unauthorized payment', () => {
    expect(output).toMatch(/judy reports payment \w+\s+│ account frozen, dispute opened/)
    expect(output).toMatch(/the thief tries 150\.00 more\s+│ refused: account_frozen/)
    expect(output).toMatch(/accepts the dispute\s+│ resolved_payer: 299\.00 CNY back to judy/)
  })

  it("lists every account's balances, explains negative world balances, prints statements", () => {
    expect(output).toMatch(/│ world:bank-inflow\s+│ CNY\s+│\s+-\d+\.\d{2} │/)
    expect(output).toContain('a negative world balance is what came in from outside')
    for (const account of ['alice', 'bob', 'noodle-bar', 'electronics-shop']) {
      expect(output).toContain(`== Statement of ${account}`)
    }
  })

  it('prints times in the ledger zone with its offset, never as UTC "Z" instants', () => {
    expect(output).toContain('Asia/Shanghai +08:00')
    expect(output).toMatch(/2026-11-23 12:00:00 \+08:00/)
    expect(output).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/)
  })

  it('answers the same story on a second run (fixed clock, fresh memory store)', () => {
    const again = run()
    const withoutIds = (text: string) => text.replace(/[0-9a-f]{8,}/g, 'ID')
    expect(withoutIds(again.stdout)).toBe(withoutIds(output))
  })
})

describe('wallet-ledger demo on the default SQLite file', () => {
  it('writes ./wallet-ledger.db, refuses to run over it, and starts again with --fresh', () => {
    const folder = temporaryFolder()
    try {
      const first = runBinary(['demo'], { cwd: folder.path })
      expect(first.status, first.stderr).toBe(0)
      expect(first.stdout).toContain(join(folder.path, 'wallet-ledger.db'))
      const head = /head hash: ([0-9a-f]{64})/.exec(first.stdout)?.[1]
      const second = runBinary(['demo'], { cwd: folder.path })
      expect(second.status).toBe(2)
      expect(second.stderr).toMatch(/already holds \d+ events .*--fresh/)
      const audit = runBinary(['audit', '--expected-head', head ?? ''], { cwd: folder.path })
      expect(audit.status).toBe(0)
      const fresh = runBinary(['demo', '--fresh'], { cwd: folder.path })
      expect(fresh.status, fresh.stderr).toBe(0)
      expect(fresh.stdout).toMatch(/│ clean/)
    } finally {
      folder.remove()
    }
  }, 60_000)
})
