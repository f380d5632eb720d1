// The registry of jobs: each job's name (kebab-case), its queue (camelCase) and the
// schema of its payload. Payloads hold ids, never records: the processor re-reads.
// The outbox writes these, the relay enqueues them, workers/registry.ts processes them.
import { Type, type Static, type TSchema } from 'typebox'

export const jobDefinitions = {
  'send-velkomstmail': {
    queue: 'notifikation',
    payload: Type.Object({ userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
  'generer-kvittering': {
    queue: 'dokumenter',
    payload: Type.Object({ sagId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
  'send-sagsnotifikation': {
    queue: 'notifikation',
    payload: Type.Object(
      {
        sagId: Type.String({ format: 'uuid' }),
        haendelse: Type.Union([Type.Literal('indbragt'), Type.Literal('besked_fra_part'), Type.Literal('bilag_fra_part'), Type.Literal('besked_fra_sekretariat')]),
        /** The party user a message from the secretariat is for; otherwise the filer. */
        userId: Type.Optional(Type.String({ format: 'uuid' })),
      },
      { additionalProperties: false },
    ),
  },
  'generer-hoeringsbrev': {
    queue: 'dokumenter',
    payload: Type.Object({ partshoeringId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
  'generer-brev': {
    queue: 'dokumenter',
    payload: Type.Object({ brevId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
  'generer-besigtigelsesbrev': {
    queue: 'dokumenter',
    payload: Type.Object({ besigtigelseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
  'lever-udsendelse': {
    queue: 'notifikation',
    payload: Type.Object({ udsendelseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
  'send-partsnotifikation': {
    queue: 'notifikation',
    payload: Type.Object(
      {
        sagId: Type.String({ format: 'uuid' }),
        partId: Type.String({ format: 'uuid' }),
        haendelse: Type.Union([Type.Literal('partshoering'), Type.Literal('paamindelse'), Type.Literal('frist_forlaenget'), Type.Literal('brev'), Type.Literal('afgoerelse'), Type.Literal('besigtigelse')]),
      },
      { additionalProperties: false },
    ),
  },
  'anonymiser-afgoerelse': {
    queue: 'anonymisering',
    payload: Type.Object({ afgoerelseId: Type.String({ format: 'uuid' }), nr: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  },
  'publicer-afgoerelse': {
    queue: 'publicering',
    payload: Type.Object({ afgoerelseId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
  'slet-sager': {
    queue: 'gdpr',
    payload: Type.Object({ koerselId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
  },
} as const satisfies Record<string, { queue: string; payload: TSchema }>

/**
 * Jobs that run on a schedule rather than from the outbox (BullMQ job schedulers).
 * The pattern is cron syntax in Danish time. They carry no payload.
 */
export const scheduledJobs = {
  'paamind-frister': { queue: 'frister', pattern: '0 7 * * 1-5', tz: 'Europe/Copenhagen' },
  // Proposes closed cases past their board's retention for deletion (approved by hand).
  'foreslaa-sletning': { queue: 'gdpr', pattern: '0 6 * * 1', tz: 'Europe/Copenhagen' },
} as const satisfies Record<string, { queue: string; pattern: string; tz: string }>

export type JobName = keyof typeof jobDefinitions
export type ScheduledJobName = keyof typeof scheduledJobs
export type JobPayload<N extends JobName> = Static<(typeof jobDefinitions)[N]['payload']>
export type QueueName = (typeof jobDefinitions)[JobName]['queue'] | (typeof scheduledJobs)[ScheduledJobName]['queue']

/** What each job does, in Danish, for the operators' pages. */
export const jobLabels: Record<JobName | ScheduledJobName, string> = {
  'send-velkomstmail': 'Velkomstmail til ny bruger',
  'generer-kvittering': 'Kvittering for indbringelse',
  'send-sagsnotifikation': 'E-mail: nyt i sagen',
  'generer-hoeringsbrev': 'Høringsbrev dannes',
  'generer-brev': 'Brev dannes',
  'generer-besigtigelsesbrev': 'Indkaldelse til besigtigelse dannes',
  'lever-udsendelse': 'Brev leveres (Digital Post eller print)',
  'send-partsnotifikation': 'E-mail til part',
  'paamind-frister': 'Påmindelser om frister',
  'anonymiser-afgoerelse': 'Afgørelse anonymiseres',
  'publicer-afgoerelse': 'Afgørelse offentliggøres i registret',
  'slet-sager': 'Godkendte sager slettes (opbevaring udløbet)',
  'foreslaa-sletning': 'Forslag til sletning af udløbne sager',
}

/** The queues' names in Danish. */
export const queueLabels: Record<QueueName, string> = {
  notifikation: 'Notifikationer og breve',
  dokumenter: 'Dokumenter',
  frister: 'Frister',
  anonymisering: 'Anonymisering',
  publicering: 'Offentliggørelse',
  gdpr: 'Sletning og databeskyttelse',
}

export const jobNames = Object.keys(jobDefinitions) as JobName[]
export const scheduledJobNames = Object.keys(scheduledJobs) as ScheduledJobName[]
export const queueNames = [...new Set([...Object.values(jobDefinitions), ...Object.values(scheduledJobs)].map((d) => d.queue))] as QueueName[]

export function isScheduledJobName(name: string): name is ScheduledJobName {
  return Object.hasOwn(scheduledJobs, name)
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobDefinitions, name)
}

/** Where the relay puts what is not payload (the causing request's id) in a job's data. */
export const jobMetaKey = '_meta'

/** Splits a job's data into its payload and its meta (see jobMetaKey). */
export function splitJobData(data: unknown): { payload: unknown; requestId: string | undefined } {
  if (typeof data !== 'object' || data === null || !(jobMetaKey in data)) return { payload: data, requestId: undefined }
  const { [jobMetaKey]: meta, ...payload } = data as Record<string, unknown>
  const requestId = typeof meta === 'object' && meta !== null && typeof (meta as { requestId?: unknown }).requestId === 'string' ? (meta as { requestId: string }).requestId : undefined
  return { payload, requestId }
}

/** BullMQ refuses integer-like custom ids, so the outbox id gets a prefix. */
export function outboxJobId(outboxId: number): string {
  return `outbox-${outboxId}`
}

export function outboxIdOf(jobId: string | undefined): number | null {
  const match = /^outbox-(\d+)$/.exec(jobId ?? '')
  return match ? Number(match[1]) : null
}

/** Retries with exponential backoff; failed jobs stay in the failed list for operators. */
export const defaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  // Completed jobs are kept a week so that a job id re-added by the relay in that window
  // is recognised as a duplicate by BullMQ.
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: false,
} as const
