/**
 * What may sit between a speaker and its reporting verb, for leftSpeaker (left-speaker.ts) and
 * the phrase speakers (speaker-phrase.ts): adverbs and auxiliaries, a short prepositional phrase,
 * a relative clause, an appositive between commas or dashes.
 */
/** Words allowed between a speaker and its verb ("has also", "on Tuesday", "later"). */
export const ADV = String.raw`(?:\s*\([^()\n]{1,40}\)|\s+(?:also|has|had|have|later|then|previously|earlier|again|repeatedly|publicly|privately|reportedly|once|further|recently|first|initially|subsequently|separately|similarly|likewise|himself|herself|itself|themselves|is|are|was|were|been|quickly|immediately|flatly|firmly|simply|only|even|already|since|now|just|often|frequently|today|yesterday|last\s+\w+|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|,\s*for\s+(?:his|her|its|their)\s+part,|,\s*in\s+turn,|,\s*however,))*\s*`;
/** Only such words between the speaker and the verb. */
export const GAP_RE = new RegExp(`^${ADV}$`, 'u');
/** `X in Brill said`, `X of the harbour board said`: a short prepositional phrase. */
export const PP_GAP_RE = new RegExp(String.raw`^\s+(?:in|from|at|of|for|with|on|to|inside|within|close\s+to)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?[\p{L}.'’-]+${ADV}$`, 'u');
/** `X in comments to the state news agency said`: a longer prepositional phrase, checked for verbs. */
export const LONG_PP_GAP_RE = new RegExp(String.raw`^\s+(?:in|from|at|of|for|with|on|to|inside|within|close\s+to)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){5,7}?[\p{L}.'’-]+${ADV}$`, 'u');
/** `X, who …, said`: a relative pronoun right after the speaker (its clause is checked apart). */
export const RELATIVE_RE = new RegExp(String.raw`^\s*,\s*(?:who|which)${ADV}$`, 'u');
/** What may sit between a name and its appositive: `(D-Brill)`, `of Brill`. */
export const APPOS_LEAD = String.raw`(?:\s*\([^()\n]{1,40}\))?(?:\s+(?:of|from)\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,2}?[\p{L}.'’-]+)?`;
/** `Ida Marr, the chairman,`: only a comma between a name and a description in apposition. */
export const NAME_APPOS_RE = new RegExp(String.raw`^${APPOS_LEAD}\s*,\s*$`, 'u');
/** `Ada Vell, the envoy of Norland, said`, `X, who chairs the board, said`: an appositive between commas. */
export const APPOS_RE = new RegExp(String.raw`^${APPOS_LEAD}\s*,(?:[^;"“”«»]{1,150}?|\s*(?:who|which)\s[^;"“”«»]{1,250}?),${ADV}$`, 'u');
/** `Jana Sims — a teacher from Brill — says`: an appositive between dashes. */
export const DASH_APPOS_RE = new RegExp(String.raw`^${APPOS_LEAD}\s*[—–]\s*[^;"“”«»—–]{1,120}?\s*[—–]${ADV}$`, 'u');
