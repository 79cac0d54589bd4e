import type { App } from '@slack/bolt';
import { createAppHomePublisher, registerAppHome } from './app-home.ts';
import { registerChurnCommand } from './churn-command.ts';
import { registerMemberEvents } from './member-events.ts';
import { registerMessageEvents } from './message-events.ts';
import { registerReactionEvents } from './reaction-events.ts';
import { registerRequestActions } from './request-actions.ts';
import type { SlackListenerDeps } from './slack-listener-deps.ts';

/** Every Slack listener, by kind: events, actions, commands, App Home. */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  const home = createAppHomePublisher(deps);
  registerMessageEvents(app, deps);
  registerReactionEvents(app, deps);
  registerMemberEvents(app, deps);
  registerAppHome(app, deps, home);
  registerRequestActions(app, deps, home);
  registerChurnCommand(app, deps);
}
