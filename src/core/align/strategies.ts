/** Aligners chosen by name (`--aligner`), as sacrebleu chooses tokenizers. */
import { galeChurchStrategy } from './gale-church.js';
import { mizanStrategy } from './mizan.js';
import type { Strategy } from './strategy.js';

export const STRATEGIES: Readonly<Record<string, Strategy>> = {
  [mizanStrategy.name]: mizanStrategy,
  [galeChurchStrategy.name]: galeChurchStrategy,
};

export const DEFAULT_STRATEGY = mizanStrategy.name;
