declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porter: { stem(word: string): string };
  export default porter;
}

// arabic-reshaper ships no types; it is a CommonJS object with these two functions.
declare module 'arabic-reshaper' {
  const reshaper: {
    /** Letters of the Arabic block to their contextual presentation forms (Arabic Presentation Forms-B). */
    convertArabic(text: string): string;
    convertArabicBack(text: string): string;
  };
  export default reshaper;
}

declare module 'tmexchange/tmx2js' {
  /** tmexchange's TMX reader (used in tests only, as an independent check of mizan's TMX). */
  export default function tmx2js(xml: string): Promise<unknown>;
}
