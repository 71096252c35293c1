// Registers tsHooks.mjs (see there): `node --import <this file> script.ts`. Tests only.
import { register } from 'node:module'

register('./tsHooks.mjs', import.meta.url)
