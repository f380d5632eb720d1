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
