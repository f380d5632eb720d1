// The case lifecycle: the statuses, what they mean to a party in plain Danish, and the
// table of allowed transitions. Every status change goes through livscyklus.ts.
export const sagStatuser = [
  'kladde',
  'indbragt',
  'under_behandling',
  'partshoering',
  'klar_til_moede',
  'paa_dagsorden',
  'afgjort',
  'afsluttet',
  'henlagt',
  'afvist',
  'forlig',
] as const
export type SagStatus = (typeof sagStatuser)[number]

const aabne: SagStatus[] = ['indbragt', 'under_behandling', 'partshoering', 'klar_til_moede', 'paa_dagsorden']

/** kladde → indbragt → under_behandling ⇄ partshoering → klar_til_moede → paa_dagsorden → afgjort → afsluttet; henlagt, afvist, forlig from any open state. */
export const overgange: Record<SagStatus, readonly SagStatus[]> = {
  kladde: ['indbragt'],
  indbragt: ['under_behandling', 'henlagt', 'afvist', 'forlig'],
  under_behandling: ['partshoering', 'klar_til_moede', 'henlagt', 'afvist', 'forlig'],
  partshoering: ['under_behandling', 'klar_til_moede', 'henlagt', 'afvist', 'forlig'],
  klar_til_moede: ['paa_dagsorden', 'under_behandling', 'henlagt', 'afvist', 'forlig'],
  paa_dagsorden: ['afgjort', 'klar_til_moede', 'under_behandling', 'henlagt', 'afvist', 'forlig'],
  afgjort: ['afsluttet'],
  afsluttet: [],
  henlagt: [],
  afvist: [],
  forlig: [],
}

/**
 * States a case enters only through another module's action, never by the status form:
 * "på dagsordenen" through a meeting's agenda, "afgjort" by making the decision final.
 */
export const kunGennemHandling: Readonly<Partial<Record<SagStatus, string>>> = {
  paa_dagsorden: 'En sag kommer på dagsordenen fra et nævnsmøde: åbn mødet under Nævnsmøder, og tilføj sagen dér.',
  afgjort: 'En sag bliver afgjort, når afgørelsen gøres endelig.',
}

/** A status as people read it, also for a value read from the database as plain text. */
export function statusLabel(status: string): string {
  return (statusForPart as Partial<Record<string, { label: string }>>)[status]?.label ?? 'Ukendt status'
}

export function erAaben(status: SagStatus): boolean {
  return aabne.includes(status)
}

export function erAfsluttet(status: SagStatus): boolean {
  return ['afgjort', 'afsluttet', 'henlagt', 'afvist', 'forlig'].includes(status)
}

/** What a party reads: where the case is and what happens next. */
export const statusForPart: Record<SagStatus, { label: string; naeste: string }> = {
  kladde: { label: 'Kladde – ikke indsendt', naeste: 'Gør indbringelsen færdig og send den. Indtil da kan nævnet ikke se den.' },
  indbragt: {
    label: 'Modtaget af nævnet',
    naeste: 'Sekretariatet registrerer sagen og sender den til den anden part senest en uge efter modtagelsen. Arbejdet begynder, når gebyret er betalt.',
  },
  under_behandling: { label: 'Under behandling', naeste: 'Sekretariatet undersøger sagen. Du får besked, hvis du skal gøre noget.' },
  partshoering: { label: 'Partshøring', naeste: 'Parterne har fået mulighed for at udtale sig. Se fristen i sagens beskeder.' },
  klar_til_moede: { label: 'Klar til nævnsmøde', naeste: 'Sagen forberedes til et møde i nævnet.' },
  paa_dagsorden: { label: 'På dagsordenen', naeste: 'Sagen behandles på nævnets næste møde.' },
  afgjort: { label: 'Afgjort', naeste: 'Nævnet har truffet afgørelse. Afgørelsen og klagevejledningen findes under sagens dokumenter.' },
  afsluttet: { label: 'Afsluttet', naeste: 'Sagen er afsluttet.' },
  henlagt: { label: 'Henlagt', naeste: 'Sagen er henlagt. Begrundelsen fremgår af sagens beskeder.' },
  afvist: { label: 'Afvist', naeste: 'Nævnet har afvist at behandle sagen. Begrundelsen fremgår af sagens beskeder.' },
  forlig: { label: 'Afsluttet med forlig', naeste: 'Parterne har indgået forlig.' },
}
