import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { CategoryBadges } from './BenefitsSection.js';
import { CriteriaEditor } from './CriteriaEditor.js';
import { EditableSection } from './EditablePanel.js';
import type { SectionProps } from './GeneralSection.js';
import { useLanguage } from './ProgrammeForm.js';
import { groupByHeading } from './programme-form.js';

/**
 * The criteria catalogue, grouped under the 13 SAFE AEO requirement headings so that programmes compare
 * heading by heading; a heading without a criterion is shown as such (a gap in coverage).
 */
export function CriteriaSection(props: SectionProps) {
  const { programme } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const groups = groupByHeading([...programme.criteria].sort((a, b) => a.position - b.position));
  const covered = groups.filter((g) => g.items.length > 0).length;

  return (
    <EditableSection
      section="criteria"
      description={t('aeoProgramme.criteria.description', {
        count: programme.criteria.length,
        covered,
      })}
      {...props}
      editor={CriteriaEditor}
    >
      <div className="programme-headings">
        {groups.map(({ heading, items }) => (
          <section
            key={heading}
            className="programme-heading"
            aria-labelledby={`heading-${heading}`}
            data-testid={`criteria-heading-${heading}`}
          >
            <h3 id={`heading-${heading}`} className="programme-heading__title">
              <span className="programme-heading__number">{heading}</span>
              {t(`aeo.safeHeading.${heading}`)}
              <span className="muted small">
                {' '}
                · {t('aeoProgramme.criteria.count', { count: items.length })}
              </span>
            </h3>
            {items.length === 0 ? (
              <p className="muted small">{t('aeoProgramme.criteria.noneUnderHeading')}</p>
            ) : (
              <ul className="programme-criteria">
                {items.map(({ item: criterion }) => (
                  <li key={criterion.id} data-testid={`criterion-${criterion.code}`}>
                    <div className="programme-criteria__head">
                      <strong>{criterion.title[language]}</strong>
                      <code className="small">{criterion.code}</code>
                      <CategoryBadges codes={criterion.categories} />
                      {criterion.onSiteByDefault ? (
                        <Badge tone="warning">{t('aeoProgramme.criteria.onSite')}</Badge>
                      ) : null}
                    </div>
                    <p className="muted small">{criterion.description[language]}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </EditableSection>
  );
}
