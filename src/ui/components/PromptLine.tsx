/** The bottom line: the question or text prompt of the current mode, else the last message. */
import { Text } from 'ink';
import { inert } from '../../core/text/inert.js';
import type { ReviewState } from '../state/review-state.js';
import { toVisual } from '../text/rtl.js';
import { ERROR_COLOR } from '../theme.js';

function promptText(state: ReviewState, leaving: string): string | null {
  const { mode } = state;
  // What is typed stays in logical order in the state; only its drawing is made visual, as the beads are.
  const typed = (draft: string) => (/\p{Script=Arabic}/u.test(draft) ? toVisual(inert(draft), state.bidi, 'auto') : inert(draft));
  switch (mode.name) {
    case 'search':
      return `/${typed(mode.draft)}▏  (Enter search · Esc cancel)`;
    case 'goto':
      return `go to English paragraph: ${mode.draft}▏  (Enter go · Esc cancel)`;
    case 'confirm-quit':
      return leaving === 'quit'
        ? 'Unsaved changes. w save and quit · d quit without saving · Esc keep reviewing'
        : `Unsaved changes. w save and ${leaving} · d ${leaving} without saving · Esc keep reviewing`;
    case 'overwrite':
      return 'The alignment file changed on disk since it was opened. y overwrite it · n keep it (your edits stay here, unsaved)';
    case 'stale':
      return `Changed since this alignment was saved: ${inert(mode.changed.join(', '))}. r realign from the files · k keep reviewing the saved text · q quit`;
    case 'split':
      // Short enough for 80 columns; ? gives the long form.
      return `split ${mode.column === 'left' ? 'English' : 'Arabic'} · ←→ mark · Enter split · J join · Tab language · Esc cancel`;
    case 'recover':
      return `Unsaved edits from ${mode.savedAt} were found. y restore them · n discard them · q quit`;
    default:
      return null;
  }
}

/** `leaving`: what answering the quit question does (a pair opened from a queue goes back to it, or on to the next pair). */
export function PromptLine({ state, leaving = 'quit' }: { state: ReviewState; leaving?: string }) {
  const prompt = promptText(state, leaving);
  if (prompt) return <Text wrap="truncate" color="yellow" bold>{prompt}</Text>;
  const { message } = state;
  return (
    <Text wrap="truncate" color={message?.tone === 'error' ? ERROR_COLOR : 'gray'}>
      {message ? inert(message.text) : ' '}
    </Text>
  );
}
