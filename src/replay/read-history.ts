import type { CustomerMessageInput } from '../core/customer-message.ts';
import type { Directory } from '../core/directory.ts';
import { type ExportMemberEvent, readSlackExport } from '../slack/export/read-slack-export.ts';
import { readEmlFolder } from './read-eml-folder.ts';

export interface History {
  /** Slack and email messages together, in the order they were sent. */
  messages: CustomerMessageInput[];
  memberEvents: ExportMemberEvent[];
  /** Our team ids as recognised in the export; empty when none could be told. */
  ourTeamIds: string[];
  /** Files that could not be read; the rest of the history is still used. */
  problems: string[];
}

/** A Slack export directory and, optionally, a folder of `.eml` files, read as one history. */
export async function readHistory(input: {
  slackExport: string;
  emails?: string;
  directory: Pick<Directory, 'accounts' | 'ownDomains'>;
  ourTeamIds?: string[];
}): Promise<History> {
  const { directory } = input;
  const slack = readSlackExport(input.slackExport, {
    ownDomains: directory.ownDomains,
    ...(input.ourTeamIds ? { ourTeamIds: input.ourTeamIds } : {}),
  });
  const email = input.emails
    ? await readEmlFolder(input.emails, { accounts: directory.accounts, ownDomains: directory.ownDomains })
    : { messages: [], problems: [] };
  const messages = [...slack.messages, ...email.messages].sort(
    (a, b) => (a.sentAt as Date).getTime() - (b.sentAt as Date).getTime(),
  );
  return {
    messages,
    memberEvents: slack.memberEvents,
    ourTeamIds: slack.ourTeamIds,
    problems: [...slack.problems, ...email.problems],
  };
}
