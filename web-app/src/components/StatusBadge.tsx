/** A status as words in a bordered label (never told by colour alone). */
export function StatusBadge({ tone, children }: { tone: 'neutral' | 'good' | 'warning' | 'bad'; children: string }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
