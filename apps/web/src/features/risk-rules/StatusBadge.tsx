import type { Lane, RuleSetStatus } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/Badge.js';

const STATUS_TONE: Record<RuleSetStatus, BadgeTone> = {
  draft: 'warning',
  published: 'success',
  retired: 'neutral',
};

export function StatusBadge({ status }: { status: RuleSetStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`riskRules.status.${status}`)}</Badge>;
}

const LANE_TONE: Record<Lane, BadgeTone> = {
  green: 'success',
  blue: 'info',
  yellow: 'warning',
  red: 'danger',
};

/** A lane, worded and coloured (the word carries the meaning, not the colour: WCAG 1.4.1). */
export function LaneBadge({ lane }: { lane: Lane }) {
  const { t } = useTranslation();
  return <Badge tone={LANE_TONE[lane]}>{t(`riskRules.lanes.${lane}`)}</Badge>;
}
