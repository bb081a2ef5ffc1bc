import type { AeoBenefit, AeoProgramme } from '@aeolus/contracts';
import { localised } from './operator-format.js';

/** A category as the programme names it ("S — Security and safety"), or its bare code without one. */
export function categoryName(programme: AeoProgramme | null, code: string, language: string): string {
  const category = programme?.categories.find((c) => c.code === code);
  return category ? `${code} — ${localised(category.name, language)}` : code;
}

/** The benefits a category brings; a benefit that names no category applies to all. */
export function benefitsFor(benefits: readonly AeoBenefit[], category: string): AeoBenefit[] {
  return benefits.filter((b) => b.categories.length === 0 || b.categories.includes(category));
}

/** A criterion's title by id (checklist results and corrective actions name criteria by id). */
export function criterionTitle(
  programme: AeoProgramme | null,
  id: string | null,
  language: string,
): string | null {
  if (!id) return null;
  const criterion = programme?.criteria.find((c) => c.id === id);
  return criterion ? localised(criterion.title, language) : null;
}
