import { describe, expect, it } from 'vitest';
import { documentThreshold, THRESHOLD_FLOOR } from '../src/core/align/thin-evidence.js';
import { lexiconEvidence } from '../src/core/evidence.js';
import { parseLexicon } from '../src/core/lexicon.js';
import { buildFeatures } from '../src/core/score/features.js';

// Ten sentence pairs; each Arabic sentence has one word the lexicon knows, for its pair's English word.
const words = ['house', 'river', 'bread', 'horse', 'garden', 'window', 'mountain', 'letter', 'market', 'winter'];
const arabic = ['بيت', 'نهر', 'خبز', 'حصان', 'حديقه', 'نافذه', 'جبل', 'رساله', 'سوق', 'شتاء'];
const lexicon = parseLexicon(words.map((w, k) => `${arabic[k]}\t${w === 'house' ? 'hous' : w}`).join('\n'));

describe('documentThreshold: the bar for a pair follows how much evidence the document offers', () => {
  it('stays at the usual threshold when translation pairs share most of their words', () => {
    const en = words.map((w) => `The ${w}.`);
    const f = buildFeatures(en, arabic, lexiconEvidence(lexicon));
    expect(documentThreshold(f.en, f.ar, f.vocabularySize, 0.2)).toBe(0.2);
  });
  it('falls when pairs share only a little of their weight, but not below its floor', () => {
    // Each side padded with words no table knows: a known word is a small share of each sentence.
    const latin = 'bcdfghjklm';
    const letters = 'بتثجحخدذرز';
    const en = words.map((w, k) => `The ${w} ${['qa', 'qe', 'qi', 'qo', 'qu', 'qy'].map((q) => `${q}${latin[k]}x`).join(' ')}.`);
    const ar = arabic.map((w, k) => `${w} ${['صع', 'صغ', 'صف', 'صق', 'صك', 'صل'].map((q) => `${q}${letters[k]}ظ`).join(' ')}`);
    const f = buildFeatures(en, ar, { ...lexiconEvidence(lexicon), unknownAsSilence: false });
    const bar = documentThreshold(f.en, f.ar, f.vocabularySize, 0.2);
    expect(bar).toBeLessThan(0.2);
    expect(bar).toBeGreaterThanOrEqual(THRESHOLD_FLOOR);
  });
  it('does not fall for texts that are not translations, where the diagonal matches no better than chance', () => {
    const en = words.map((w) => `The ${w}.`);
    const f = buildFeatures(en, ['شمس', 'قمر', 'نجم', 'سماء', 'ارض', 'بحر', 'رمل', 'ريح', 'غيم', 'مطر'], lexiconEvidence(lexicon));
    expect(documentThreshold(f.en, f.ar, f.vocabularySize, 0.2)).toBe(0.2);
  });
});
