// Proves the asset registry: the built-in assets and their scales, registering more with a scale
// from 0 to 18, refusing a built-in code with another scale, bad codes and bad scales, each with
// the caller's field path, and looking up an unknown code.
import { describe, expect, it } from 'vitest'
import { BUILT_IN_ASSETS, builtInAssetRegistry, createAssetRegistry, findAsset } from './asset.js'

describe('asset registry', () => {
  it('has CNY/2, USD/2, USDT/6, BTC/8 and ETH/18 built in', () => {
    expect(BUILT_IN_ASSETS.map((asset) => `${asset.code}/${asset.scale}`)).toEqual([
      'CNY/2',
      'USD/2',
      'USDT/6',
      'BTC/8',
      'ETH/18',
    ])
    expect(findAsset(builtInAssetRegistry(), 'ETH')).toEqual({
      _tag: 'Right',
      right: { code: 'ETH', scale: 18 },
    })
  })

  it('registers more assets with a scale from 0 to 18', () => {
    const registry = createAssetRegistry([
      { code: 'JPY', scale: 0 },
      { code: 'WEI18', scale: 18 },
    ])
    expect(registry._tag === 'Right' && findAsset(registry.right, 'JPY')).toEqual({
      _tag: 'Right',
      right: { code: 'JPY', scale: 0 },
    })
  })

  it('accepts a built-in asset registered again with its own scale', () => {
    expect(createAssetRegistry([{ code: 'USD', scale: 2 }])._tag).toBe('Right')
  })

  it('refuses a built-in code with another scale', () => {
    expect(createAssetRegistry([{ code: 'BTC', scale: 2 }])).toMatchObject({
      _tag: 'Left',
      left: { code: 'asset_already_registered', details: { path: 'assets.0.scale' } },
    })
  })

  it.each([
    [{ code: 'usd', scale: 2 }, 'assets.0.code'],
    [{ code: 'X', scale: 2 }, 'assets.0.code'],
    [{ code: 'GOLD', scale: 19 }, 'assets.0.scale'],
    [{ code: 'GOLD', scale: -1 }, 'assets.0.scale'],
    [{ code: 'GOLD', scale: 1.5 }, 'assets.0.scale'],
  ])('refuses %j naming %s', (asset, path) => {
    expect(createAssetRegistry([asset])).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid_input', details: { path } },
    })
  })

  it('answers unknown_asset for a code it does not know, naming the field', () => {
    expect(findAsset(builtInAssetRegistry(), 'DOGE', 'from.asset')).toMatchObject({
      _tag: 'Left',
      left: { code: 'unknown_asset', details: { path: 'from.asset' } },
    })
  })
})
