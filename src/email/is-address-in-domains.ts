/**
 * True when the address's domain is one of `domains` or a subdomain of one
 * (`eu.acme.example` is in `acme.example`; `notacme.example` is not). Case-insensitive.
 */
export function isAddressInDomains(email: string | null | undefined, domains: readonly string[]): boolean {
  if (!email) return false;
  const at = email.lastIndexOf('@');
  if (at === -1) return false;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return domains.some((candidate) => {
    const own = candidate.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
    return own !== '' && (domain === own || domain.endsWith(`.${own}`));
  });
}
