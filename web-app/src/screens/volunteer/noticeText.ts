/** A piece of a notice's text: words as they are, or a link of this app's own origin. */
export type NoticePart = { text: string } | { link: string };

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

/**
 * A notice's body with the links it carries (an offer's accept and decline links, the way to a receipt) made
 * links, but only those to this app's own origin: a notice is rendered from the services' templates, and an
 * address anywhere else stays plain text that nobody is led to follow.
 */
export function noticeParts(body: string, origin: string): NoticePart[] {
  const parts: NoticePart[] = [];
  let from = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const index = match.index;
    // A sentence's full stop or comma after a link is not part of it.
    const link = match[0].replace(/[.,;:!?)]+$/, '');
    if (!sameOrigin(link, origin)) {
      continue;
    }
    if (index > from) {
      parts.push({ text: body.slice(from, index) });
    }
    parts.push({ link });
    from = index + link.length;
  }
  if (from < body.length) {
    parts.push({ text: body.slice(from) });
  }
  return parts;
}

function sameOrigin(link: string, origin: string): boolean {
  try {
    return new URL(link).origin === origin;
  } catch {
    return false;
  }
}
