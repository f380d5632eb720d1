/** Only same-site paths, so the login pages cannot be used to redirect elsewhere. */
export function safeNext(next: string | undefined): string | undefined {
  // No control characters, whitespace or backslashes anywhere: browsers strip some of them and
  // would turn "/\t/evil.example" into the protocol-relative "//evil.example".
  const rent = next && [...next].every((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f && c !== '\\')
  return rent && /^\/(?!\/)/.test(next) ? next : undefined
}
