import type { AeoApplicationSummary } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/Badge.js';

type Status = AeoApplicationSummary['status'];

/** How an application's status looks on both sides; the words carry the meaning, colour only repeats it. */
export const STATUS_TONE: Record<Status, BadgeTone> = {
  draft: 'neutral',
  submitted: 'info',
  returned: 'warning',
  under_review: 'info',
  visit_planned: 'info',
  visit_recorded: 'info',
  granted: 'success',
  refused: 'danger',
  suspended: 'warning',
  revoked: 'danger',
  withdrawn: 'neutral',
  under_appeal: 'accent',
};

export function ApplicationStatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`aeo.status.${status}`)}</Badge>;
}
