// Reference data is read once per process and directory: the files do not change while
// the server runs. A failed read is not cached, so a later call can retry.
export function cachedPerDir<T>(build: (dir: string) => Promise<T>): (dir: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>()
  return (dir) => {
    let value = cache.get(dir)
    if (!value) {
      value = build(dir)
      cache.set(dir, value)
      value.catch(() => cache.delete(dir))
    }
    return value
  }
}
