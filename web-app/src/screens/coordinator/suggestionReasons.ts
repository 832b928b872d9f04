import type { Suggestion } from '../../api/types';
import type { I18n } from '../../i18n/I18n';

/**
 * Why a volunteer is suggested, in the chosen language, from the suggestion's own fields (the service's `reasons`
 * say the same in English). A clash is described by the service only, so it stays in its words.
 */
export function suggestionReasons(suggestion: Suggestion, t: I18n['t'], language: string): string[] {
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  const reasons: string[] = [];
  const matched = suggestion.matchedSkills ?? [];
  const missing = suggestion.missingSkills ?? [];
  if (matched.length > 0) {
    reasons.push(t('reason.has', { skills: list.format(matched) }));
  }
  if (missing.length > 0) {
    reasons.push(t('reason.lacks', { skills: list.format(missing) }));
  }
  if (suggestion.availability !== undefined) {
    reasons.push(t(`reason.availability.${suggestion.availability}`));
  }
  reasons.push(
    suggestion.conflict !== undefined && suggestion.conflict !== ''
      ? t('reason.clash', { conflict: suggestion.conflict })
      : t('reason.noClash'),
  );
  if (suggestion.recentHours !== undefined) {
    reasons.push(t('reason.recentHours', { hours: suggestion.recentHours }));
  }
  if (suggestion.sameDistrict === true && suggestion.district !== undefined) {
    reasons.push(t('reason.sameDistrict', { district: suggestion.district }));
  }
  return reasons;
}
