import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';

let firstPage = true;

/**
 * A screen's heading, also the document's title. After a navigation, focus moves to it, so that screen readers
 * announce the new screen and the keyboard starts there (not on the first page: the browser starts there anyway).
 */
export function PageHeading({ children, text }: { children?: ReactNode; text: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${text} · ${t('app.name')}`;
  }, [text, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children ?? text}
    </h1>
  );
}
