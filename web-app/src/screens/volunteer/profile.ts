import type { Profile, Volunteer, Weekday } from '../../api/types';

/** The channels notification-service sends by (volunteer-service's ContactRules), in the order offered to add. */
export const CHANNELS = ['INBOX', 'EMAIL', 'WEBHOOK'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

export const LOCALES = ['zh-CN', 'en'] as const;

let lastKey = 0;
/** A key for a row of the form, kept while rows are added and removed around it. */
function rowKey(): number {
  lastKey += 1;
  return lastKey;
}

export interface WeeklyRow {
  key: number;
  day: Weekday;
  /** "HH:mm", as <input type="time"> holds it; "" while not given. */
  from: string;
  to: string;
}

export interface DateRow {
  key: number;
  date: string;
  available: boolean;
  wholeDay: boolean;
  from: string;
  to: string;
}

/** The profile as the form holds it: texts as typed, times as <input type="time"> does. */
export interface ProfileDraft {
  name: string;
  phone: string;
  email: string;
  district: string;
  /** Comma-separated, as typed. */
  languages: string;
  locale: string;
  timeZone: string;
  channels: string[];
  webhookUrl: string;
  quiet: boolean;
  quietFrom: string;
  quietTo: string;
  weekly: WeeklyRow[];
  dates: DateRow[];
}

/** "22:00:00" (how the service writes a local time) as "22:00". */
function clock(value: string | undefined): string {
  return value === undefined ? '' : value.slice(0, 5);
}

export function draftOf(volunteer: Volunteer): ProfileDraft {
  const contact = volunteer.contactPreferences ?? {};
  const quiet = contact.quietHours;
  return {
    name: volunteer.name ?? '',
    phone: volunteer.phone ?? '',
    email: volunteer.email ?? '',
    district: volunteer.district ?? '',
    languages: (volunteer.languages ?? []).join(', '),
    locale: volunteer.locale ?? '',
    timeZone: volunteer.timeZone ?? '',
    channels: contact.channels !== undefined && contact.channels.length > 0 ? [...contact.channels] : ['INBOX'],
    webhookUrl: contact.webhookUrl ?? '',
    quiet: quiet !== undefined,
    quietFrom: clock(quiet?.from),
    quietTo: clock(quiet?.to),
    weekly: (volunteer.availability?.weekly ?? []).map((window) => ({
      key: rowKey(),
      day: window.day,
      from: clock(window.from),
      to: clock(window.to),
    })),
    dates: (volunteer.availability?.exceptions ?? []).map((exception) => ({
      key: rowKey(),
      date: exception.date,
      available: exception.available ?? false,
      wholeDay: exception.from === undefined && exception.to === undefined,
      from: clock(exception.from),
      to: clock(exception.to),
    })),
  };
}

export function newWeeklyRow(): WeeklyRow {
  return { key: rowKey(), day: 'SATURDAY', from: '09:00', to: '17:00' };
}

export function newDateRow(): DateRow {
  return { key: rowKey(), date: '', available: false, wholeDay: true, from: '', to: '' };
}

function given(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** "Mandarin, English、粤语" as ["Mandarin", "English", "粤语"]. */
export function languagesOf(typed: string): string[] {
  return typed
    .split(/[,，、;；]/)
    .map((language) => language.trim())
    .filter((language) => language !== '');
}

/**
 * The body of PUT /api/volunteers/me. The service replaces the whole profile with it, so every field is sent as the
 * form holds it (an emptied one is left out, which clears it). Every row is sent, in the form's order, so that the
 * service's `availability.weekly[1].from` names the form's second row; a row's required day, date and times are sent
 * even when empty, so the service names the empty one; `available` always.
 */
export function profileOf(draft: ProfileDraft): Profile {
  return {
    name: draft.name.trim(),
    phone: given(draft.phone),
    email: given(draft.email),
    district: given(draft.district),
    languages: languagesOf(draft.languages),
    locale: given(draft.locale),
    timeZone: given(draft.timeZone),
    contactPreferences: {
      channels: [...draft.channels],
      quietHours: draft.quiet ? { from: given(draft.quietFrom), to: given(draft.quietTo) } : undefined,
      webhookUrl: given(draft.webhookUrl),
    },
    availability: {
      weekly: draft.weekly.map((row) => ({ day: row.day, from: row.from.trim(), to: row.to.trim() })),
      exceptions: draft.dates.map((row) => ({
        date: row.date.trim(),
        available: row.available,
        from: row.wholeDay ? undefined : given(row.from),
        to: row.wholeDay ? undefined : given(row.to),
      })),
    },
  };
}

/** The list with the element at `index` moved by `by` places (kept within the list). */
export function moved<T>(list: readonly T[], index: number, by: number): T[] {
  const target = Math.min(Math.max(index + by, 0), list.length - 1);
  const result = [...list];
  const [element] = result.splice(index, 1);
  if (element === undefined) {
    return result;
  }
  result.splice(target, 0, element);
  return result;
}
