// Asset scale is data: a code and a number of decimals (DESIGN.md section 2).
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { assert } from '../assert.js'
import { domainError } from '../errors.js'
import type { DomainError } from '../errors.js'
import { ASSET_CODE_LENGTH_MAX, ASSET_SCALE_MAX, ASSET_SCALE_MIN } from '../limits.js'

/** An asset: its code and how many decimals its amounts may have. */
export type Asset = { readonly code: string; readonly scale: number }

/** Registered assets by code. */
export type AssetRegistry = ReadonlyMap<string, Asset>

/** Upper-case letters and digits, starting with a letter: "USD", "USDT", "BTC". */
export const ASSET_CODE_PATTERN = new RegExp(`^[A-Z][A-Z0-9]{1,${ASSET_CODE_LENGTH_MAX - 1}}$`)

/** The assets every ledger has. */
export const BUILT_IN_ASSETS: readonly Asset[] = [
  { code: 'CNY', scale: 2 },
  { code: 'USD', scale: 2 },
  { code: 'USDT', scale: 6 },
  { code: 'BTC', scale: 8 },
  { code: 'ETH', scale: 18 },
]

const validateAsset = (asset: Asset, index: number): DomainError | undefined => {
  if (typeof asset.code !== 'string' || !ASSET_CODE_PATTERN.test(asset.code)) {
    return domainError(
      'invalid_input',
      `assets.${index}.code: expected 2-${ASSET_CODE_LENGTH_MAX} upper-case letters or digits`,
      {
        path: `assets.${index}.code`,
      },
    )
  }
  if (
    !Number.isInteger(asset.scale) ||
    asset.scale < ASSET_SCALE_MIN ||
    asset.scale > ASSET_SCALE_MAX
  ) {
    return domainError(
      'invalid_input',
      `assets.${index}.scale: expected an integer from ${ASSET_SCALE_MIN} to ${ASSET_SCALE_MAX}`,
      {
        path: `assets.${index}.scale`,
      },
    )
  }
  return undefined
}

/**
 * The built-in assets plus `extra`. Registering a built-in code again with the same scale is
 * allowed; with another scale it is `asset_already_registered`.
 */
export const createAssetRegistry = (
  extra: readonly Asset[] = [],
): Either<DomainError, AssetRegistry> => {
  const registry = new Map<string, Asset>(BUILT_IN_ASSETS.map((asset) => [asset.code, asset]))
  for (const [index, asset] of extra.entries()) {
    const invalid = validateAsset(asset, index)
    if (invalid !== undefined) return left(invalid)
    const existing = registry.get(asset.code)
    if (existing !== undefined && existing.scale !== asset.scale) {
      return left(
        domainError(
          'asset_already_registered',
          `assets.${index}: ${asset.code} is registered with scale ${existing.scale}`,
          {
            path: `assets.${index}.scale`,
          },
        ),
      )
    }
    registry.set(asset.code, { code: asset.code, scale: asset.scale })
  }
  return right(registry)
}

/** The registry of built-in assets only. */
export const builtInAssetRegistry = (): AssetRegistry => {
  const registry = createAssetRegistry()
  assert(registry._tag === 'Right', 'built-in assets must be valid')
  return registry.right
}

/** Looks an asset up by code; `field` names the caller's field in the message. */
export const findAsset = (
  registry: AssetRegistry,
  code: string,
  field = 'asset',
): Either<DomainError<'unknown_asset'>, Asset> => {
  const asset = registry.get(code)
  return asset === undefined
    ? left(
        domainError('unknown_asset', `${field}: unknown asset "${String(code).slice(0, 40)}"`, {
          path: field,
        }),
      )
    : right(asset)
}
