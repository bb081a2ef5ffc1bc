import type { LocalisedText } from '@aeolus/contracts';

/** The text in the reader's language (French when the page is in French, English otherwise). */
export function localised(text: LocalisedText, language: string): string {
  return language.startsWith('fr') ? text.fr : text.en;
}

/** Colours of MRA statuses, shared by the network and its legend (contrast checked on white). */
export const MRA_STATUS_COLOURS: Record<string, string> = {
  signed: '#0f766e',
  in_negotiation: '#b45309',
  suspended: '#6b7280',
  terminated: '#b91c1c',
};
