import type { LocalisedText } from '@aeolus/contracts';

/** A definition's text in the UI language (English when the language is neither). */
export function localised(text: LocalisedText, language: string): string {
  return language.startsWith('fr') ? text.fr : text.en;
}
