/**
 * Function words carry no evidence that two sentences translate each other, so they get no weight.
 * English: the common closed-class words. Arabic: prepositions, particles, pronouns and
 * demonstratives in normalised form (ا for أ/إ, ي for ى, ه for ة); Arabic words whose every
 * lexicon translation is an English function word are dropped too (see features.ts).
 */
export const ENGLISH_STOPWORDS = new Set(
  `a an the and or but nor so yet of to in on at by for from with without into onto upon about above below over under
  between among through during before after since until till than as if then else when while where whereas whether
  because though although unless also too very just only even still already again ever never not no yes
  i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
  herself it its itself they them their theirs themselves this that these those who whom whose which what
  am is are was were be been being have has had having do does did doing will would shall should can could may might
  must ought there here some any each every all both either neither other another such own same few more most many much
  s t d ll re ve m o up down out off per via`.split(/\s+/),
);

export const ARABIC_STOPWORDS = new Set(
  `في من على الي الى عن مع ان ان او ام ثم حتي اذا اذ لو لا ما لم لن قد كان كانت يكون تكون كانوا هو هي هم هن هما انا نحن
  انت انتم هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك الذي التي الذين اللذان اللتان اللاتي اللواتي ما ماذا متي اين كيف كم
  اي بين عند عندما لدي لدى لكن لكن بل كل بعض غير سوي اي ايضا فقط حيث منذ خلال بعد قبل تحت فوق امام وراء حول ضد نحو
  عبر لدي عليه عليها عليهم اليه اليها منه منها منهم فيه فيها فيهم به بها بهم له لها لهم انه انها انهم وهو وهي وقد ولا
  وان وفي ومن وعلي والي كما وكان ولم ان يا ها`.split(/\s+/),
);
