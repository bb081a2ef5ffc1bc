/** Building blocks of the small questionnaire definitions tests write: bilingual text and a maturity scale. */

/** A label in the two languages every definition carries. */
export const bilingual = (en: string, fr: string) => ({ en, fr });

/** A five-level maturity scale (0 to 4), as SAFE-shaped questions use. */
export const MATURITY_LEVELS = [0, 1, 2, 3, 4].map((n) => ({
  label: bilingual(`Level ${n}`, `Niveau ${n}`),
  description: bilingual(`Stage ${n}`, `Étape ${n}`),
}));
