import { useId, type ReactNode } from 'react';
import type { ApiProblem } from '../api/problem';

export interface FieldMessage {
  text: string;
  /** The service's own words are English. */
  lang?: 'en';
}

/** The props a control gets from its Field: its id, whether it is invalid, and what describes it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** Whether a field the service named (`availability.weekly[0].from`) is this one (`availability.weekly[0]`) or inside it. */
export function namesField(named: string, field: string): boolean {
  return named === field || named.startsWith(`${field}.`) || named.startsWith(`${field}[`);
}

/** What the service said of a field (or of anything inside it), in its own words. */
export function serviceMessages(problem: ApiProblem | null, field: string): FieldMessage[] {
  return (problem?.errors ?? [])
    .filter((error) => namesField(error.field, field))
    .map((error): FieldMessage => ({ text: error.message, lang: 'en' }));
}

/** The messages of a field, tied to its control for screen readers. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly FieldMessage[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <p className="field-error" id={id}>
      {messages.map((message) => (
        <span key={message.text} lang={message.lang}>
          {message.text}{' '}
        </span>
      ))}
    </p>
  );
}

/** A labelled control with an optional hint and its messages next to it, tied to it for screen readers. */
export function Field({
  label,
  messages,
  hint,
  children,
}: {
  label: string;
  messages: readonly FieldMessage[];
  hint?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-messages`;
  const hintId = `${id}-hint`;
  const describedBy = [hint === undefined ? undefined : hintId, messages.length > 0 ? messageId : undefined].filter(
    (part) => part !== undefined,
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p className="field-hint muted" id={hintId}>
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': messages.length > 0, 'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined })}
      <FieldMessages id={messageId} messages={messages} />
    </div>
  );
}
