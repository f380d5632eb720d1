// The klagefrist notice: one page that goes with a decision delivered by Digital Post and
// names the day the decision was notified to the recipient (the delivery day) and the last
// day to bring it before the boligret. The decision itself is locked before it is sent,
// so it states the rule; this notice states the dates.
import type { DocumentSpec, Letterhead } from './blocks.js'
import { KLAGEREGLER } from './afgoerelse.js'
import type { NaevnType } from '../naevn/naevn.js'
import { renderBlocks } from './template.js'
import { formatDansk, juliUdenforKlagefrist, KLAGEFRIST_UGER, klagefristSidsteDag, type Dato } from '../sag/frister.js'

export interface KlagefristViewModel {
  letterhead: Letterhead
  sagsnummer: string
  modtager: string
  afgoerelsesdato: Dato
  meddelt: Dato
  naevnType: NaevnType
}

export function klagefristDocument(vm: KlagefristViewModel, o: { creationDate?: Date } = {}): DocumentSpec {
  const regler = KLAGEREGLER[vm.naevnType]
  return {
    title: 'Klagefrist for afgørelsen',
    subject: `Klagefrist, sag ${vm.sagsnummer}`,
    letterhead: vm.letterhead,
    blocks: renderBlocks('klagefrist', {
      sagsnummer: vm.sagsnummer,
      modtager: vm.modtager,
      afgoerelsesdato: formatDansk(vm.afgoerelsesdato),
      meddelt: formatDansk(vm.meddelt),
      sidsteDag: formatDansk(klagefristSidsteDag(vm.meddelt, vm.naevnType)),
      uger: KLAGEFRIST_UGER,
      ...regler,
      juliUdenfor: juliUdenforKlagefrist(vm.naevnType),
    }),
    ...(o.creationDate ? { creationDate: o.creationDate } : {}),
  }
}
