import { type App, type Logger, ReceiverMultipleAckError, SocketModeReceiver } from '@slack/bolt';

interface SocketModeEnvelope {
  ack: (response?: unknown) => Promise<void>;
  body: Record<string, unknown>;
  retry_num?: number;
  retry_reason?: string;
}

/**
 * Socket Mode with the acknowledgement sent after the listeners finished, as HTTP mode does with
 * `processBeforeResponse`. Bolt acknowledges Events API envelopes before any listener runs
 * (bolt-js src/App.ts, "acknowledged right away"), so a crash between that ack and storing the
 * message would lose it. Here the ack goes out only once the message is stored; if a listener
 * fails, an event is left unacknowledged and Slack delivers it again (duplicates are expected
 * and deduplicated). Listeners must stay well inside Slack's 3 seconds — they only store.
 */
export class DeferredAckSocketModeReceiver extends SocketModeReceiver {
  private bolt: App | undefined;
  private readonly log: Logger;

  constructor(options: { appToken: string; apiUrl?: string; logger: Logger }) {
    super({
      appToken: options.appToken,
      logger: options.logger,
      ...(options.apiUrl ? { installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } } } : {}),
    });
    this.log = options.logger;
    // Replace Bolt's immediate-ack handler with ours.
    this.client.removeAllListeners('slack_event');
    this.client.on('slack_event', (envelope: SocketModeEnvelope) => {
      void this.dispatch(envelope);
    });
  }

  override init(app: App): void {
    super.init(app);
    this.bolt = app;
  }

  private async dispatch(envelope: SocketModeEnvelope): Promise<void> {
    let acked = false;
    let response: unknown;
    try {
      await this.bolt?.processEvent({
        body: envelope.body,
        retryNum: envelope.retry_num,
        retryReason: envelope.retry_reason,
        ack: async (payload?: unknown) => {
          if (acked) throw new ReceiverMultipleAckError();
          acked = true;
          response = payload;
        },
      });
    } catch (error) {
      if (envelope.body['type'] === 'event_callback') {
        this.log.error(`event not acknowledged so that Slack delivers it again: ${(error as Error).message}`);
        return;
      }
      this.log.error(`listener failed after acknowledging: ${(error as Error).message}`);
    }
    if (acked) await envelope.ack(response === '' ? undefined : response);
  }
}
