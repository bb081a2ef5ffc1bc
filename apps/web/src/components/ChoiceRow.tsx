import type { ReactNode } from 'react';

interface ChoiceRowProps<T extends string> {
  /** The radio group's name (one per form). */
  name: string;
  options: readonly T[];
  /** The option chosen, or something else (such as '') when none is. */
  value: string;
  onChange(option: NoInfer<T>): void;
  /** What each option reads as: a word, a count, a title with a hint below it. */
  label(option: NoInfer<T>): ReactNode;
  /** `data-testid` of each option's input, for the browser journeys. */
  testId?(option: NoInfer<T>): string;
  /** The language an option's label is written in (a language picker names each language in itself). */
  lang?(option: NoInfer<T>): string;
}

/**
 * A row of radio buttons drawn as selectable tiles, inside the caller's `fieldset` and `legend`. Used where
 * two to four short options are all worth seeing at once (a language, a validity kind, an outcome).
 */
export function ChoiceRow<T extends string>({
  name,
  options,
  value,
  onChange,
  label,
  testId,
  lang,
}: ChoiceRowProps<T>) {
  return (
    <div className="choice-row">
      {options.map((option) => (
        <label key={option} className="choice" lang={lang?.(option)}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
            data-testid={testId?.(option)}
          />
          {label(option)}
        </label>
      ))}
    </div>
  );
}
