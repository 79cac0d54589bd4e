/** The small subset of Adaptive Cards 1.5 that Verbatim renders (checked against the official schema in tests). */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      wrap?: boolean;
      weight?: 'Bolder';
      size?: 'Small' | 'Medium' | 'Large';
      color?: 'Attention' | 'Warning' | 'Good' | 'Accent';
      isSubtle?: boolean;
      spacing?: 'Small' | 'Medium';
      separator?: boolean;
    }
  | { type: 'RichTextBlock'; inlines: TextRun[]; separator?: boolean; spacing?: 'Small' | 'Medium' }
  | { type: 'FactSet'; facts: Array<{ title: string; value: string }> }
  | {
      type: 'Input.ChoiceSet';
      id: string;
      label?: string;
      choices: Array<{ title: string; value: string }>;
      value?: string;
      style?: 'compact';
    }
  | { type: 'ActionSet'; actions: CardAction[] }
  | {
      type: 'Image';
      /** An https URL or a `data:image/png;base64,…` URI (Adaptive Cards 1.2+). */
      url: string;
      altText: string;
      size?: 'Auto' | 'Stretch';
      separator?: boolean;
      spacing?: 'Small' | 'Medium';
    }
  | { type: 'Container'; items: CardElement[]; style?: 'emphasis' | 'good' | 'attention' | 'warning' };

export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  italic?: boolean;
  isSubtle?: boolean;
  color?: 'Attention' | 'Warning' | 'Good' | 'Accent';
  size?: 'Small' | 'Medium' | 'Large';
  /** Makes the run a link (Adaptive Cards 1.2+); only Action.OpenUrl is used. */
  selectAction?: { type: 'Action.OpenUrl'; url: string; title?: string };
}

export type CardAction =
  | {
      type: 'Action.Execute';
      title: string;
      verb: string;
      data: Record<string, string>;
      associatedInputs?: 'auto' | 'none';
      style?: 'positive' | 'destructive';
    }
  | { type: 'Action.OpenUrl'; title: string; url: string }
  | { type: 'Action.ShowCard'; title: string; card: AdaptiveCard };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version?: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  fallbackText?: string;
}

export const CARD_SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** A Teams attachment carrying an Adaptive Card. */
export function cardAttachment(card: AdaptiveCard) {
  return { contentType: 'application/vnd.microsoft.card.adaptive' as const, content: card };
}
