// Progressive enhancement only: every page works without this file.
if (window.DKFDS) window.DKFDS.init()
const summary = document.getElementById('fejlopsummering')
if (summary) summary.focus()

// Fields that apply only to some answers: <div data-vises-naar="felt=A,B"> is shown when
// the radio or checkbox named "felt" has one of the values. Without JavaScript all show.
for (const blok of document.querySelectorAll('[data-vises-naar]')) {
  const [felt, vaerdier] = blok.getAttribute('data-vises-naar').split('=')
  const tilladte = vaerdier.split(',')
  const form = blok.closest('form')
  const opdater = () => {
    const valgte = [...form.querySelectorAll(`[name="${felt}"]`)].filter((i) => i.checked).map((i) => i.value)
    blok.hidden = !valgte.some((v) => tilladte.includes(v))
  }
  form.addEventListener('change', opdater)
  opdater()
}

// Anonymization review: selecting text in the decision fills the "skjul mere tekst" form
// with the text and its exact offsets (every piece of the text carries data-start).
const anonTekst = document.querySelector('[data-anonymisering-tekst]')
const tilfoej = document.getElementById('tilfoej-form')
if (anonTekst && tilfoej) {
  const offset = (node, i) => {
    const el = node.nodeType === 3 /* text node */ ? node.parentElement : node
    const start = el && el.closest('[data-start]')
    return start && anonTekst.contains(start) ? Number(start.getAttribute('data-start')) + (node.nodeType === 3 /* text node */ ? i : 0) : null
  }
  anonTekst.addEventListener('mouseup', () => {
    const sel = window.getSelection()
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return
    const r = sel.getRangeAt(0)
    const start = offset(r.startContainer, r.startOffset)
    const end = offset(r.endContainer, r.endOffset)
    const tekst = sel.toString()
    if (start === null || end === null || end <= start || !tekst.trim()) return
    tilfoej.querySelector('[name="tekst"]').value = tekst.trim()
    tilfoej.querySelector('[name="start"]').value = String(start)
    tilfoej.querySelector('[name="end"]').value = String(end)
  })
  // Typing the text by hand means "every place": the selection's offsets no longer apply.
  tilfoej.querySelector('[name="tekst"]').addEventListener('input', () => {
    tilfoej.querySelector('[name="start"]').value = ''
    tilfoej.querySelector('[name="end"]').value = ''
  })
}
