// Imports a peer from this folder's node_modules: a dynamic import resolves from the importing
// file, so the bench's compiled code (elsewhere) reaches packages installed here through it.
export const loadPeer = (name) => import(name)
