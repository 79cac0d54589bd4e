import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { Account } from '../core/directory.ts';
import { parseEmail } from '../email/parse-email.ts';
import { toCustomerMessage } from '../email/to-customer-message.ts';

/** Every `.eml` file of a folder as customer messages; files that cannot be parsed are reported, not dropped silently. */
export async function readEmlFolder(
  directory: string,
  options: { accounts: Account[]; ownDomains: string[] },
): Promise<{ messages: CustomerMessageInput[]; problems: string[] }> {
  const messages: CustomerMessageInput[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.eml'))
    .sort()) {
    const result = await parseEmail(readFileSync(join(directory, file)), { ownDomains: options.ownDomains });
    if (!result.ok) {
      problems.push(`${file}: ${result.reason}`);
      continue;
    }
    messages.push(
      toCustomerMessage(result.email, {
        accounts: options.accounts,
        ownDomains: options.ownDomains,
        conversation: 'email:inbound',
      }),
    );
  }
  return { messages, problems };
}
