// Small per-process caches for the public pages, bounded in size and time. They hold only
// what any anonymous visitor may see, and never longer than the pages' own
// Cache-Control (max-age=60), so they add no staleness that browsers and proxies were
// not already allowed.
import type { Renderet } from './offentlig-side.js'

/** Remembers a computation per key for ttlMs; concurrent callers share one computation. */
export function ttlMemo<T>(ttlMs: number, maks = 1000) {
  const m = new Map<string, { udloeber: number; v: Promise<T> }>()
  return (noegle: string, fn: () => Promise<T>): Promise<T> => {
    const nu = Date.now()
    const hit = m.get(noegle)
    if (hit && hit.udloeber > nu) return hit.v
    if (hit) m.delete(noegle)
    const v = fn()
    m.set(noegle, { udloeber: nu + ttlMs, v })
    // A failure is not remembered.
    v.catch(() => m.get(noegle)?.v === v && m.delete(noegle))
    // Map keeps insertion order: the oldest entries go first.
    while (m.size > maks) m.delete(m.keys().next().value!)
    return v
  }
}

/**
 * Rendered pages by key, each valid while its version (e.g. a row's status and update
 * time) is unchanged and for at most ttlMs (for what else the page shows, like the
 * related decisions). Bounded by count and by the pages' total size (UTF-16 code units,
 * so roughly bytes ×2 in memory): with thousands of pages of 20–40 kB a count alone let
 * the cache hold 100 MB and more, which made the server's size depend on how full it was.
 */
export class SideCache {
  private readonly m = new Map<string, { version: string; udloeber: number; side: Renderet }>()
  private tegn = 0

  constructor(
    private readonly ttlMs: number,
    private readonly maks = 2000,
    private readonly maksTegn = 8 * 1024 * 1024,
  ) {}

  hent(noegle: string, version: string): Renderet | undefined {
    const e = this.m.get(noegle)
    if (!e) return undefined
    if (e.version !== version || e.udloeber <= Date.now()) {
      this.fjern(noegle)
      return undefined
    }
    return e.side
  }

  gem(noegle: string, version: string, side: Renderet): void {
    this.fjern(noegle)
    this.m.set(noegle, { version, udloeber: Date.now() + this.ttlMs, side })
    this.tegn += side.html.length
    // Map keeps insertion order: the oldest entries go first, expired or not.
    while (this.m.size > this.maks || this.tegn > this.maksTegn) this.fjern(this.m.keys().next().value!)
  }

  /** How many pages and characters the cache holds. */
  get stoerrelse(): { sider: number; tegn: number } {
    return { sider: this.m.size, tegn: this.tegn }
  }

  private fjern(noegle: string): void {
    const e = this.m.get(noegle)
    if (!e) return
    this.tegn -= e.side.html.length
    this.m.delete(noegle)
  }
}
