import type { Account } from './directory.ts';

/**
 * Finds the customer account behind a message. A shared conversation is the strongest clue (the
 * channel belongs to one customer); otherwise the sender's email domain. For a forwarded email
 * the caller passes the ORIGINAL sender's address, not the employee who forwarded it.
 */
export function resolveAccount(
  accounts: readonly Account[],
  clue: { conversation?: string | null; email?: string | null },
): Account | null {
  if (clue.conversation) {
    const byChannel = accounts.find((account) => account.channels.includes(clue.conversation!));
    if (byChannel) return byChannel;
  }
  const domain = clue.email ? emailDomain(clue.email) : null;
  if (!domain) return null;
  // Longest matching domain wins: `eu.acme.com` (Acme Europe) beats `acme.com` (Acme group).
  let best: { account: Account; length: number } | null = null;
  for (const account of accounts) {
    for (const candidate of account.domains) {
      const normalised = normaliseDomain(candidate);
      if (isSameOrSubdomain(domain, normalised) && (best === null || normalised.length > best.length)) {
        best = { account, length: normalised.length };
      }
    }
  }
  return best?.account ?? null;
}

/** True when the address belongs to one of our own domains (subdomains included): staff, not customer. */
export function isOwnDomain(ownDomains: readonly string[], email: string): boolean {
  const domain = emailDomain(email);
  return domain !== null && ownDomains.some((own) => isSameOrSubdomain(domain, normaliseDomain(own)));
}

/**
 * Lower-case domain of an address; tolerates `Name <a@b.com>` and a trailing dot. Null when there is
 * no usable domain.
 */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at === -1) return null;
  const domain = /^[\p{L}\p{N}.-]+/u.exec(email.slice(at + 1).trim())?.[0];
  if (!domain) return null;
  const normalised = normaliseDomain(domain);
  return normalised.includes('.') ? normalised : null;
}

function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^@/, '').replace(/^\*\./, '').replace(/\.+$/, '');
}

function isSameOrSubdomain(domain: string, parent: string): boolean {
  return parent !== '' && (domain === parent || domain.endsWith(`.${parent}`));
}
