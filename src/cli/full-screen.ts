/**
 * Running an Ink app as `mizan review` does: on the alternate screen (off the user's scrollback,
 * as full-screen editors do), until it exits or the terminal goes away. A closed terminal (SIGHUP)
 * or a kill (SIGTERM) unmounts the app, which autosaves unsaved edits; the exit status then
 * follows the shell's convention, 128 + the signal's number.
 */
import { render } from 'ink';
import type { ReactElement } from 'react';
import { RENDER_OPTIONS } from '../ui/app.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';

export async function runFullScreen(element: ReactElement, out: NodeJS.WriteStream): Promise<number> {
  out.write(ENTER_ALT_SCREEN);
  let signalled: NodeJS.Signals | null = null;
  try {
    const app = render(element, { stdout: out, ...RENDER_OPTIONS });
    const stop = (signal: NodeJS.Signals) => {
      signalled = signal;
      app.unmount();
    };
    process.once('SIGHUP', stop).once('SIGTERM', stop);
    await app.waitUntilExit();
    process.off('SIGHUP', stop).off('SIGTERM', stop);
  } finally {
    out.write(LEAVE_ALT_SCREEN);
  }
  return signalled ? 128 + (signalled === 'SIGHUP' ? 1 : 15) : 0;
}
