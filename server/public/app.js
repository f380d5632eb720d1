// Progressive enhancement only: every page works without this file.
if (window.DKFDS) window.DKFDS.init()
const summary = document.getElementById('fejlopsummering')
if (summary) summary.focus()
