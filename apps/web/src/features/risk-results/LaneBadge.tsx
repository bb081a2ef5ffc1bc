import type { Lane, OutcomeKind } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/Badge.js';

/** Lane colours follow the ASYCUDA names; the lane is always written out too, so colour is never the only signal. */
export const LANE_TONES: Record<Lane, BadgeTone> = {
  green: 'success',
  blue: 'info',
  yellow: 'warning',
  red: 'danger',
};

export function LaneBadge({ lane }: { lane: Lane }) {
  const { t } = useTranslation();
  return (
    <span className={`risk-lane risk-lane--${lane}`} data-lane={lane}>
      <Badge tone={LANE_TONES[lane]}>{t(`riskResults.lane.${lane}`)}</Badge>
    </span>
  );
}

const OUTCOME_TONES: Record<OutcomeKind, BadgeTone> = {
  no_finding: 'neutral',
  discrepancy: 'warning',
  seizure: 'danger',
};

export function OutcomeBadge({ outcome }: { outcome: OutcomeKind }) {
  const { t } = useTranslation();
  return <Badge tone={OUTCOME_TONES[outcome]}>{t(`riskResults.outcome.${outcome}`)}</Badge>;
}
