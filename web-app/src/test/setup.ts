import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// A busy build machine (two cores, a Maven build beside) can take over a second to render a large screen; what a
// test waits for must still come, so waiting longer only spares false failures.
configure({ asyncUtilTimeout: 5000 });

// No test leaves for the sign-in page (jsdom cannot navigate); those about it watch this.
beforeEach(async () => {
  if (typeof window !== 'undefined') {
    const { whenSignedOut } = await import('../api/client');
    whenSignedOut(vi.fn());
  }
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  if (typeof window === 'undefined') {
    return;
  }
  window.localStorage.clear();
  document.cookie.split(';').forEach((pair) => {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
  window.location.hash = '';
});
