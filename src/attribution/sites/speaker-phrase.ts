/**
 * A speaker with no mention, read off the end of the clause before a reporting verb when no
 * mention stands there: a share or count of people (`47 percent said`), a relative pronoun
 * (`voters who said`), a short noun phrase (`Some advocates for harbour reform said`, `It
 * said`). The last resort of leftSpeaker (left-speaker.ts).
 */
import type { AttributionContext, SpeakerRef } from '../context.js';
import { ADV } from './gaps.js';

/**
 * A share or count of people as the speaker: `47 percent said`, `Six in 10 voters say`, `Nearly
 * half of Brill residents said`, `large majorities in both towns say`, `a third said`.
 */
const QTY = String.raw`(?:(?:about|nearly|almost|roughly|around|only|just|more\s+than|fewer\s+than|less\s+than|at\s+least|over|under|some|fully|a\s+full|the\s+vast|an?\s+(?:overwhelming|clear|slim|narrow|solid|large|small|bare)|another|the\s+other|a\s+further)\s+)*(?:\d[\d,.]*\s*(?:percent|per\s+cent|%)|[\p{L}-]+\s+percent|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out\s+of|of\s+every)\s+(?:\d+|ten|five|four|three)|half|(?:a|one|two)[\s-](?:third|quarter|fifth)s?|two-thirds|three-quarters|three-fourths|(?:large\s+|slim\s+|narrow\s+|clear\s+|wide\s+)?majorit(?:y|ies)|(?:a\s+)?plurality|(?:a\s+)?minority|most|many|few|several|dozens|hundreds|thousands|millions|(?:the\s+)?rest|others)`;
/** The count or share ending the clause, after a clause opening, with what it counts (`of Brill residents`, `voters`). */
const QTY_SPEAKER_RE = new RegExp(String.raw`(?:^|[,;:—–]\s*|\b(?:and|but|while|as|whereas|with|compared\s+(?:with|to)|while\s+only)\s+|["“”]\s*)(${QTY}(?:\s+(?:of|among|in|from)\s+[^,;:"“”()]{1,90}?|\s+(?:[\p{L}'’-]+\s+){0,3}?(?:voters|respondents|residents|people|adults|Americans|Democrats|Republicans|independents|members|supporters|participants|those\s+(?:polled|surveyed|asked)|of\s+them))?)${ADV}$`, 'iu');
/** A cheap test before QTY_SPEAKER_RE: a word a count or share needs. */
const QTY_HINT_RE = /\d|percent|half|third|quarter|fifth|majorit|plurality|minority|most|many|few|several|dozens|hundreds|thousands|millions|rest|others|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:in|out|of)\b/i;
/** `64 percent who say`, `voters who said`: a relative pronoun with no comma before it. */
const WHO_RE = new RegExp(String.raw`(?<![\p{L}])(who|that)${ADV}$`, 'u');
/** `Some advocates for harbour reform said`, `An earlier report in a Brill paper said`: a noun phrase with one prepositional phrase. */
const NP_PP_RE = /(?:^|[,;:]\s+|\b(?:and|but|while|as|when)\s+|["“”]\s*)((?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Oo]ne|[Tt]wo|[Tt]hree)\s+)(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+\s+(?:for|of|in|from|at|with|on|close\s+to|familiar\s+with)\s+(?:(?:the|a|an|his|her|their|its|\p{Lu}[\p{L}.-]*['’]s)\s+)?(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)(?:\s+(?:also|has|had|have|later|then|again))*\s*$/u;
/** `The ministry said`, `Brill's council said`, `It said`: a short noun phrase (up to five words) ending the clause. */
const NP_FALLBACK_RE = /(?:^|[,;:]\s+|\b(?:and|but|while|as|when)\s+|["“”]\s*)((?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne|[Tt]wo|[Ss]ome|[Mm]any|\p{Lu}[\p{L}.-]*['’]s)\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,4}?[\p{L}\p{N}'’-]+|[Ii]t)(?:\s+(?:also|has|had|later|then|again|is|are|was|were))*\s*$/u;
/** Words of NP_PP_RE's prepositional phrase, which need not be nouns. */
const PP_WORDS = new Set(['for', 'of', 'in', 'from', 'at', 'with', 'on', 'close', 'to', 'familiar', 'the', 'a', 'an', 'his', 'her', 'their', 'its']);
/** Parts of speech that cannot be in a subject noun phrase. */
const NOT_NP = new Set(['VERB', 'AUX', 'ADP', 'SCONJ', 'CCONJ', 'PRON', 'PART', 'ADV', 'NUM', 'PUNCT']);

/** The speaker phrase ending at `at`, within [from, at), when no mention is the speaker. */
export function phraseSpeaker(ctx: AttributionContext, from: number, at: number): { ref: SpeakerRef; phraseStart: number } | null {
  const text = ctx.text;
  const head = text.slice(from, at);
  // The fallbacks below read the end of the clause only.
  const tailFrom = Math.max(0, head.length - 160);
  const tail = tailFrom ? head.slice(head.indexOf(' ', tailFrom) + 1) : head;
  const tailAt = from + head.length - tail.length;
  const q = QTY_HINT_RE.test(tail) ? QTY_SPEAKER_RE.exec(tail) : null;
  if (q && q[1]) {
    const s = tailAt + q.index + q[0].indexOf(q[1]);
    const e = s + q[1].trimEnd().length;
    return { ref: { start: s, end: e, mention: null }, phraseStart: s };
  }
  const w = tail.includes('who') ? WHO_RE.exec(tail) : null;
  if (w && w[1] === 'who' && !/,\s*$/.test(tail.slice(0, w.index))) {
    const s = tailAt + w.index;
    return { ref: { start: s, end: s + 3, mention: null }, phraseStart: s };
  }
  const np = NP_FALLBACK_RE.exec(tail) ?? NP_PP_RE.exec(tail);
  if (np && np[1]) {
    const s = tailAt + np.index + np[0].indexOf(np[1]);
    const e = s + np[1].length;
    // Every word but a leading determiner must be a noun, adjective or name (wink's tags).
    const words = [...np[1].matchAll(/[\p{L}'’.-]+/gu)];
    const ok = /^[Ii]t$/.test(np[1]) || words.every((w, i) => {
      const pos = ctx.posAt.get(s + w.index!);
      if (PP_WORDS.has(w[0]) || (pos === 'DET' && i > 0)) return true;
      return i === 0 || !pos || !NOT_NP.has(pos);
    });
    let firstPos = ctx.posAt.get(s);
    // `Cook said …`: a lone capitalised word right before the verb is a surname the tagger read
    // as a verb (two verbs in a row do not open a clause).
    if (firstPos === 'VERB' && words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(np[1]) && /^\s+$/.test(text.slice(e, at)) && !ctx.lex.verb.has(np[1].toLowerCase())) firstPos = 'PROPN';
    if (ok && (words.length > 1 || /^\p{Lu}/u.test(np[1])) && firstPos !== 'VERB' && firstPos !== 'ADP' && firstPos !== 'SCONJ' && firstPos !== 'ADV' && firstPos !== 'PRON' || /^[Ii]t$/.test(np[1])) return { ref: { start: s, end: e, mention: null }, phraseStart: s };
  }
  return null;
}
