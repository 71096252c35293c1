// Reading a stored amount back as minor units, checked against the asset registry: sums across
// events are only meaningful when every amount of an asset has that asset's scale.
import { moneyFromCanonical } from '@wallet-ledger/domain'
import type { AssetRegistry } from '@wallet-ledger/domain'
import { locationText } from './violations.js'
import type { Findings, Location } from './violations.js'

// ---------------------------------------------------------------- operations

/**
 * The minor units of a decoded (so canonical-looking) amount. An unknown asset or a scale other
 * than the registry's is reported as `amount_invalid`; the amount is still read at its own scale,
 * so the checks that follow see what was stored.
 */
export const minorOf = (
  registry: AssetRegistry,
  asset: string,
  amount: string,
  at: Location,
  findings: Findings,
): bigint => {
  const money = moneyFromCanonical(asset, amount)
  const known = registry.get(asset)
  if (known === undefined) {
    findings.add('amount_invalid', at, `${locationText(at)}: unknown asset ${asset}`)
  } else if (known.scale !== money.scale) {
    findings.add(
      'amount_invalid',
      at,
      `${locationText(at)}: ${asset} amount "${amount}" has ${money.scale} decimals, the asset ${known.scale}`,
    )
  }
  return money.minor
}
