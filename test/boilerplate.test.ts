import { describe, expect, it } from 'vitest';
import { detectBoilerplate } from '../src/core/boilerplate.js';
import { segmentText } from '../src/core/text/segment.js';
import type { Lang } from '../src/core/types.js';

/** Segments the page (one paragraph a line) and returns the texts of the flagged and the kept segments. */
function split(lines: string[], lang: Lang): { flagged: string[]; kept: string[] } {
  const segments = segmentText(lines.join('\n'), lang);
  const flags = detectBoilerplate(segments, lang);
  expect(flags).toHaveLength(segments.length);
  return {
    flagged: segments.filter((s) => flags[s.index]).map((s) => s.text),
    kept: segments.filter((s) => !flags[s.index]).map((s) => s.text),
  };
}

const ARTICLE = [
  'PARIS: France asked Russia on Friday for a map of rebel groups. The request came after talks in Moscow.',
  'Officials said the talks went well. Both sides will meet again next week.',
  'The foreign minister spoke to reporters in the evening.',
];
const ARTICLE_SENTENCES = [
  'PARIS: France asked Russia on Friday for a map of rebel groups.',
  'The request came after talks in Moscow.',
  'Officials said the talks went well.',
  'Both sides will meet again next week.',
  'The foreign minister spoke to reporters in the evening.',
];

describe('detectBoilerplate: chrome at the head of a page', () => {
  // The Eremnews pattern: the title, the title glued to itself (two page elements pasted without
  // a break), the title again, then the story.
  it('flags a repeated title and the title glued twice', () => {
    const title = 'France asks Russia for a map of rebels';
    const { flagged, kept } = split([title, title + title, title, ...ARTICLE], 'en');
    expect(flagged).toEqual([title, title + title, title]);
    expect(kept).toEqual(ARTICLE_SENTENCES);
  });

  it('flags bylines, credits and date lines', () => {
    const { flagged, kept } = split(
      ['Source: AFP', 'Friday, November 27, 2015', 'Last updated 27 Nov 2015 14:05 GMT', ...ARTICLE],
      'en',
    );
    expect(flagged).toEqual(['Source: AFP', 'Friday, November 27, 2015', 'Last updated 27 Nov 2015 14:05 GMT']);
    expect(kept).toEqual(ARTICLE_SENTENCES);
  });

  // A short heading without chrome around it is the article's own title: the head run counts only
  // when it holds a recognised (strong) paragraph.
  it('keeps a lone title line when nothing marks the head as chrome', () => {
    const { flagged } = split(['France and Russia', ...ARTICLE], 'en');
    expect(flagged).toEqual([]);
  });

  it('flags an Arabic source line and a date line', () => {
    const story = 'قال وزير الخارجية الفرنسي إن بوتين طلب خريطة. وأضاف أن المحادثات كانت مفيدة.';
    const { flagged, kept } = split(['المصدر: رويترز', 'الجمعة 27 نوفمبر 2015', story], 'ar');
    expect(flagged).toEqual(['المصدر: رويترز', 'الجمعة 27 نوفمبر 2015']);
    expect(kept).toEqual(['قال وزير الخارجية الفرنسي إن بوتين طلب خريطة.', 'وأضاف أن المحادثات كانت مفيدة.']);
  });
});

describe('detectBoilerplate: chrome at the tail of a page', () => {
  it('flags a "Published in" credit and a comment form', () => {
    const tail = ['Published in The Daily, March 3rd, 2016', 'Comments', 'Name *', 'Email *', 'Comment *', 'Security code *'];
    const { flagged, kept } = split([...ARTICLE, ...tail], 'en');
    expect(flagged).toEqual(tail);
    expect(kept).toEqual(ARTICLE_SENTENCES);
  });

  it('flags URL lines and copyright lines', () => {
    const tail = ['www.example.com/news/2015/11/27/map', 'https://example.com/', '© 2016 The Daily. All rights reserved.'];
    const { flagged, kept } = split([...ARTICLE, ...tail], 'en');
    // The copyright line is two sentences; both are flagged with their paragraph.
    expect(flagged).toEqual([tail[0], tail[1], '© 2016 The Daily.', 'All rights reserved.']);
    expect(kept).toEqual(ARTICLE_SENTENCES);
  });

  // The Eremnews footer: "most read" with its (empty) list, a logo alt text, the site name, the URL.
  it('flags an Arabic "الأكثر قراءة" block and footer', () => {
    const story = [
      'قال وزير الخارجية الفرنسي إن بوتين طلب خريطة.',
      'وأضاف أن المحادثات كانت مفيدة وأن الجانبين سيلتقيان مجددا.',
    ];
    const tail = ['الأكثر قراءة', 'انفجار في ميناء المدينة', 'ارتفاع أسعار النفط', 'logo', 'موقع الأخبار', 'www.example.com'];
    const { flagged, kept } = split([...story, ...tail], 'ar');
    expect(flagged).toEqual(tail);
    expect(kept).toEqual(story);
  });

  // The Dawn pattern: after the credit, a section name, then for each editorial its title, a date
  // (sometimes "Updated …"), the title again and a one-sentence blurb.
  it('flags an editorial listing: titles printed twice, dates, one-sentence blurbs', () => {
    const listing = [
      'Published in The Daily, March 3rd, 2016',
      'Opinion',
      'Water rates',
      '04 June, 2024',
      'Water rates',
      'The city plan to raise water rates falls hardest on the poor.',
      'Bus lanes',
      'Updated 03 June, 2024',
      'Bus lanes',
      'A new bus lane shows what a little planning can do for commuters...',
      'Night markets',
      '02 June, 2024',
      'Night markets',
      'Traders have asked the council to keep the night markets open until midnight.',
    ];
    const { flagged, kept } = split([...ARTICLE, ...listing], 'en');
    expect(flagged).toEqual(listing);
    expect(kept).toEqual(ARTICLE_SENTENCES);
  });
});

describe('detectBoilerplate: content that must stay content', () => {
  // A weak line (short, no punctuation) at the end is chrome only beside a recognised paragraph.
  it('keeps a clean article that ends on a short line without punctuation', () => {
    const { flagged } = split([...ARTICLE, 'And still the war goes on'], 'en');
    expect(flagged).toEqual([]);
  });

  it('keeps a mid-article subheading, in English and in Arabic', () => {
    const en = split(['Source: AFP', ...ARTICLE.slice(0, 2), 'Assad’s fate', ARTICLE[2]!, 'Published in The Daily, March 3rd, 2016'], 'en');
    expect(en.flagged).toEqual(['Source: AFP', 'Published in The Daily, March 3rd, 2016']);
    expect(en.kept).toContain('Assad’s fate');

    const ar = split(
      [
        'المصدر: رويترز',
        'قال وزير الخارجية الفرنسي إن بوتين طلب خريطة.',
        'مصير الأسد',
        'وظل الخلاف قائما بين الرئيسين حول مصير الأسد.',
        'الأكثر قراءة',
      ],
      'ar',
    );
    expect(ar.flagged).toEqual(['المصدر: رويترز', 'الأكثر قراءة']);
    expect(ar.kept).toEqual(['قال وزير الخارجية الفرنسي إن بوتين طلب خريطة.', 'مصير الأسد', 'وظل الخلاف قائما بين الرئيسين حول مصير الأسد.']);
  });

  // Repeats count only for lines without sentence punctuation: a transcript may say "Thank you." twice.
  it('keeps a repeated short sentence that ends with a full stop', () => {
    const lines = [
      'The minister thanked the host for the meeting in Moscow.',
      'Thank you.',
      'The host said the talks had been useful for both countries.',
      'Thank you.',
      'Then the two men left the room together.',
    ];
    const { flagged } = split(lines, 'en');
    expect(flagged).toEqual([]);
  });

  // URL and date rules look at whole lines: a sentence that mentions a site or a date is content.
  it('keeps a sentence that merely mentions a site name or a date in running text', () => {
    const lines = [...ARTICLE.slice(0, 2), 'The statement was posted on example.com on November 27 after the talks ended.', ARTICLE[2]!];
    const { flagged } = split(lines, 'en');
    expect(flagged).toEqual([]);
  });

  // Regression: ARABIC_MARKERS has "اشترك" (subscribe) with no word boundary, so any paragraph that opens
  // with a word built on it — اشتركت "took part", اشتراك "participation" — is taken for chrome; and
  // the teaser rule then sweeps the article's following short paragraph into the tail as well.
  // Minimal reproduction:
  //   detectBoilerplate(segmentText('قال الوزير إن بوتين طلب خريطة.\nاشتركت عشرون دولة في الاجتماع.\nوأضاف أن المحادثات كانت مفيدة.', 'ar'), 'ar')
  //   → [false, true, true]
  it('keeps a content sentence that opens with اشتركت ("took part")', () => {
    const lines = [
      'قال وزير الخارجية الفرنسي إن بوتين طلب خريطة.',
      'اشتركت عشرون دولة في الاجتماع الذي عقد في باريس.',
      'وأضاف أن المحادثات كانت مفيدة.',
    ];
    expect(split(lines, 'ar').flagged).toEqual([]);
  });
});

describe('detectBoilerplate: Arabic share button', () => {
  // Regression: the marker was written `شارك\b`, but \b in a JavaScript regex is defined by ASCII \w, and
  // there is never an ASCII word boundary after an Arabic letter, so the marker cannot match the
  // share button it is meant for. Minimal reproduction:
  //   detectBoilerplate(segmentText('قال الوزير إن بوتين طلب خريطة.\nوأضاف أن المحادثات كانت مفيدة.\nشارك', 'ar'), 'ar')
  //   gave [false, false, false]; the last must be true.
  it('flags a lone "شارك" (share) line at the end of the page', () => {
    const story = ['قال وزير الخارجية الفرنسي إن بوتين طلب خريطة.', 'وأضاف أن المحادثات كانت مفيدة.'];
    const { flagged, kept } = split([...story, 'شارك'], 'ar');
    expect(flagged).toEqual(['شارك']);
    expect(kept).toEqual(story);
  });
});
