// Keyboard-only helpers for the browser tests: what has focus, Tab until a control is
// reached (checking every stop shows a visible focus indicator, WCAG 2.4.7), typing into a
// field, radios by arrow keys, checkboxes by Space, selects by arrow keys. No clicks, no
// fill: a keyboard user's way through a page.
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** What has keyboard focus, described well enough to match on and to report. */
export interface Focused {
  tag: string
  id: string
  name: string
  type: string
  value: string
  checked: boolean
  href: string
  /** The element's own text, or its label's for form controls. */
  text: string
  /** The visible focus indicator: an outline or box-shadow on the element, or on its label's ::before (DKFDS radios and checkboxes); '' when none. */
  indicator: string
}

// A string, not a function: the test project has no DOM typings.
const describeFocus = `(() => {
  const e = document.activeElement
  if (!e || e === document.body) return { tag: 'body', id: '', name: '', type: '', value: '', checked: false, href: '', text: '', indicator: '' }
  const squash = (s) => (s || '').replace(/\\s+/g, ' ').trim()
  const label = e.labels && e.labels[0] ? squash(e.labels[0].innerText) : ''
  const shown = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none')
  const describe = (where, s) => (shown(s) ? where + ': outline ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + (s.boxShadow !== 'none' ? ', shadow ' + s.boxShadow : '') : '')
  // DKFDS hides the native radio and checkbox and draws them, and their focus, on the label's ::before.
  const drawn = (e.type === 'radio' || e.type === 'checkbox') && e.labels && e.labels[0]
  const indicator = drawn ? describe('label::before', getComputedStyle(e.labels[0], '::before')) : describe('element', getComputedStyle(e))
  return {
    tag: e.tagName.toLowerCase(),
    id: e.id || '',
    name: e.getAttribute('name') || '',
    type: e.getAttribute('type') || '',
    value: 'value' in e ? String(e.value) : '',
    checked: !!e.checked,
    href: e.getAttribute('href') || '',
    text: label || squash(e.innerText || e.getAttribute('aria-label') || ''),
    indicator,
  }
})()`

export function show(f: Focused): string {
  const bits = [f.tag + (f.type ? `[type=${f.type}]` : '')]
  if (f.id) bits.push(`#${f.id}`)
  if (f.name && f.name !== f.id) bits.push(`name=${f.name}`)
  if (f.text) bits.push(`"${f.text.slice(0, 60)}"`)
  if (f.href) bits.push(`→ ${f.href}`)
  return bits.join(' ')
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate<Focused>(describeFocus)
}

/**
 * Presses Tab until the focused element matches, the way a keyboard user moves through
 * a page. Fails listing every element that got focus on the way, and when any element
 * that got focus shows no focus indicator (WCAG 2.4.7).
 */
export async function tabTo(page: Page, what: string, predicate: (f: Focused) => boolean, maxTabs = 80): Promise<Focused> {
  const visited: string[] = []
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    // Every stop on the way, not just the target, must show where focus is.
    if (f.tag !== 'body') expect(f.indicator, `${show(f)} on ${page.url()} has keyboard focus but no visible focus indicator`).not.toBe('')
    if (predicate(f)) return f
    visited.push(show(f))
  }
  throw new Error(`Pressed Tab ${maxTabs} times on ${page.url()} without reaching ${what}. Focus went to:\n${visited.map((v, i) => `  ${i + 1}. ${v}`).join('\n')}`)
}

export const byId = (id: string) => (f: Focused) => f.id === id
export const byText = (tag: string, text: string) => (f: Focused) => f.tag === tag && f.text === text

/** Focuses a text field or textarea with Tab and types into it, replacing what was there. */
export async function typeInto(page: Page, id: string, text: string) {
  const f = await tabTo(page, `the field #${id}`, byId(id))
  if (f.value) await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
  expect((await focused(page)).value).toBe(text)
}

/** Tabs into a radio group, moves to the option with the arrow keys and checks it with Space. */
export async function chooseRadio(page: Page, name: string, value: string) {
  let f = await tabTo(page, `the radio group "${name}"`, (x) => x.tag === 'input' && x.type === 'radio' && x.name === name)
  for (let i = 0; f.value !== value && i < 12; i++) {
    await page.keyboard.press('ArrowDown')
    f = await focused(page)
  }
  expect(f.value, `no option ${value} in the radio group ${name}`).toBe(value)
  await page.keyboard.press('Space')
  expect((await focused(page)).checked, `radio ${name}=${value} checked`).toBe(true)
}

export async function checkBox(page: Page, id: string) {
  await tabTo(page, `the checkbox #${id}`, byId(id))
  await page.keyboard.press('Space')
  expect((await focused(page)).checked, `checkbox #${id} checked`).toBe(true)
}

/** Focuses a select with Tab and moves to the option with the arrow keys (no popup opened). */
export async function chooseOption(page: Page, id: string, value: string) {
  let f = await tabTo(page, `the select #${id}`, byId(id))
  for (let i = 0; f.value !== value && i < 20; i++) {
    await page.keyboard.press('ArrowDown')
    f = await focused(page)
  }
  expect(f.value, `no option ${value} in #${id}`).toBe(value)
}
