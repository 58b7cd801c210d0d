/**
 * The subset of the Adaptive Card schema (version 1.5, the highest Teams renders) that our
 * renderer emits. Typed here so a typo in an element name breaks the build, not the card.
 */

export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  italic?: boolean;
  isSubtle?: boolean;
  fontType?: 'Monospace';
  color?: 'Good' | 'Attention' | 'Warning' | 'Accent';
}

interface ElementBase {
  separator?: boolean;
  spacing?: 'Small' | 'Medium';
}

export type CardElement = ElementBase &
  (
    | {
        type: 'TextBlock';
        /** Teams parses this as its Markdown subset: only trusted, converted text goes here. */
        text: string;
        wrap: true;
        weight?: 'Bolder';
        size?: 'Small' | 'Medium' | 'Large';
        isSubtle?: boolean;
        style?: 'heading';
      }
    /** Text runs are never parsed as Markdown: untrusted text goes here, shown exactly. */
    | { type: 'RichTextBlock'; inlines: TextRun[] }
    | { type: 'FactSet'; facts: Array<{ title: string; value: string }> }
    | { type: 'Container'; style?: 'emphasis'; items: CardElement[] }
    | { type: 'ActionSet'; actions: CardAction[] }
  );

export interface SubmitData {
  action: string;
  value: string;
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
  style?: 'positive' | 'destructive';
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: SubmitData;
  style?: 'positive' | 'destructive';
  /** Clients without Universal Actions fall back to a plain submit. */
  fallback: SubmitAction;
}

export type CardAction = SubmitAction | ExecuteAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof CARD_VERSION;
  /** Shown by clients that cannot render the card. */
  fallbackText: string;
  body: CardElement[];
  msteams?: { width: 'Full' };
}
