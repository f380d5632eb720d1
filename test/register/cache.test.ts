// The public pages' cache stays within its bounds: pages by count and by total size.
import { describe, expect, it } from 'vitest'
import { SideCache } from '../../server/modules/register/cache.js'

const side = (tegn: number) => ({ html: 'x'.repeat(tegn), etag: 'e', status: 200 })

describe('the public pages’ cache', () => {
  it('when pages exceed the total size, then the oldest go first and the size stays bounded', () => {
    const cache = new SideCache(60_000, 1000, 10_000)
    for (let i = 0; i < 50; i++) cache.gem(String(i), 'v1', side(1_000))
    expect(cache.stoerrelse).toEqual({ sider: 10, tegn: 10_000 })
    expect(cache.hent('39', 'v1')).toBeUndefined()
    expect(cache.hent('40', 'v1')?.html).toHaveLength(1_000)
  })

  it('when a page is replaced, a new version is asked for or the count is reached, then the size follows', () => {
    const cache = new SideCache(60_000, 3, 1_000_000)
    cache.gem('a', 'v1', side(100))
    cache.gem('a', 'v2', side(300))
    expect(cache.stoerrelse).toEqual({ sider: 1, tegn: 300 })
    expect(cache.hent('a', 'v3')).toBeUndefined()
    expect(cache.stoerrelse).toEqual({ sider: 0, tegn: 0 })
    for (const k of ['b', 'c', 'd', 'e']) cache.gem(k, 'v1', side(10))
    expect(cache.stoerrelse).toEqual({ sider: 3, tegn: 30 })
    expect(cache.hent('b', 'v1')).toBeUndefined()
  })
})
