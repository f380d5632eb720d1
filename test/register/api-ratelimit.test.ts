// Rate limits of the open register API: anonymous use is limited per IP (in Redis), a
// valid X-API-KEY gets its own, higher limit, an invalid or revoked key is refused; and
// GraphiQL with GRAPHIQL=true.
import { describe, expect, it } from 'vitest'
import { useWorld } from '../helpers/world.js'
import { waitFor } from '../helpers/wait.js'
import { createUser } from '../helpers/factories.js'
import { opretToken, tilbagekaldToken } from '../../server/kerne/auth/api-tokens.js'
import type { World } from '../helpers/world.js'

const graense = { GRAPHQL_RATE_LIMIT_PER_MINUTE: '2', PUBLIC_API_RATE_LIMIT_PER_MINUTE: '2', API_KEY_RATE_LIMIT_PER_MINUTE: '4' }

async function redisKlar(w: World) {
  // The limiter lets requests through while Redis is not connected yet (skipOnError): wait for it.
  await waitFor('Redis connected', async () => (w.app.redis.status === 'ready' ? true : undefined))
}

async function noegle(w: World) {
  const user = await createUser(w.db)
  return { user, ...(await opretToken(w.db, user.id, 'Lejerforeningens app')) }
}

describe('GraphQL rate limit and API keys', () => {
  const w = useWorld(graense)
  const gql = (headers: Record<string, string> = {}) => w.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ municipalities { municipalityCode } }' }, headers })

  it('when one address asks too often without a key, then it gets 429 with a GraphQL error, and a valid key still gets through up to its own limit', async () => {
    await redisKlar(w)
    const anonyme = [await gql(), await gql(), await gql()]
    expect(anonyme.map((r) => r.statusCode)).toEqual([200, 200, 429])
    expect(anonyme[2]!.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'RATE_LIMITED' } }] })

    const { token } = await noegle(w)
    const medNoegle = []
    for (let i = 0; i < 5; i++) medNoegle.push((await gql({ 'x-api-key': token })).statusCode)
    expect(medNoegle).toEqual([200, 200, 200, 200, 429])
  })

  it('when the key is unknown or revoked, then the request is refused with 401 and says why', async () => {
    const ukendt = await gql({ 'x-api-key': 'naevn_findes-ikke' })
    expect(ukendt.statusCode).toBe(401)
    const svar = ukendt.json()
    expect(svar.errors[0].extensions.code).toBe('INVALID_API_KEY')
    expect(svar.errors[0].message).toContain('X-API-KEY')

    const { user, id, token } = await noegle(w)
    await tilbagekaldToken(w.db, user.id, id)
    expect((await gql({ 'x-api-key': token })).statusCode).toBe(401)
  })
})

describe('REST rate limit and API keys', () => {
  const w = useWorld(graense)

  it('when one address asks too often without a key, then 429 problem+json; with a key, its own limit', async () => {
    await redisKlar(w)
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await w.app.inject('/api/v1/register/kommuner')).statusCode)
    expect(statuses).toEqual([200, 200, 429])
    const afvist = await w.app.inject('/api/v1/register/huslejer')
    expect(afvist.statusCode).toBe(429)
    expect(afvist.headers['content-type']).toContain('application/problem+json')

    const { token } = await noegle(w)
    const medNoegle: number[] = []
    for (let i = 0; i < 5; i++) medNoegle.push((await w.app.inject({ url: '/api/v1/register/kommuner', headers: { 'x-api-key': token } })).statusCode)
    expect(medNoegle).toEqual([200, 200, 200, 200, 429])
  })

  it('when the key is invalid, then 401 problem+json, whatever the limit', async () => {
    const res = await w.app.inject({ url: '/api/v1/register/kommuner', headers: { 'x-api-key': 'forkert' } })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({ status: 401, code: 'UgyldigApiNoegle' })
  })
})

describe('GraphiQL and GET', () => {
  const w = useWorld({ GRAPHIQL: 'true' })

  it('when GRAPHIQL is on, then /graphiql serves the IDE with a policy that lets it load, and a GET query answers', async () => {
    const side = await w.app.inject('/graphiql')
    expect(side.statusCode).toBe(200)
    expect(side.headers['content-security-policy']).toContain('https://unpkg.com')
    // Every other page keeps the strict policy.
    expect((await w.app.inject('/api/v1/register/kommuner')).headers['content-security-policy']).not.toContain('unpkg')
    const get = await w.app.inject(`/graphql?query=${encodeURIComponent('{ subjects(decisiveBoard: RESIDENT_COMPLAINTS_BOARD) { id } }')}`)
    expect(get.statusCode).toBe(200)
    expect(get.json().data.subjects).toContainEqual({ id: 'beboerdemokrati' })
  })
})
