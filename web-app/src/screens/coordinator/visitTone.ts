import type { VisitStatus } from '../../api/types';

/** The colour a visit's status badge carries beside its words. */
export function visitTone(status: VisitStatus | undefined): 'neutral' | 'good' | 'warning' | 'bad' {
  switch (status) {
    case 'SCHEDULED':
    case 'IN_PROGRESS':
      return 'good';
    case 'DRAFT':
      return 'warning';
    case 'CANCELLED':
      return 'bad';
    default:
      return 'neutral';
  }
}
