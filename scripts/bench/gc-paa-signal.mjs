// Loaded into the server under the bench "hukommelse" only (node --expose-gc --import …):
// SIGUSR2 runs a full garbage collection, so the bench can read the heap the server really
// holds, not garbage V8 has not collected yet. The server's own code is not changed, and
// its collector runs as in production between the readings.
process.on('SIGUSR2', () => {
  globalThis.gc?.({ type: 'major', execution: 'sync' })
})
