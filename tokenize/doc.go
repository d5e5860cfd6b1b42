// Package tokenize splits French news text into tokens and sentences, with
// byte offsets into the original text, for the later stages (named
// entities, temporal expressions, events).
//
// It is hand-written because the general tokenisers available to Go split
// French wrongly: they cut on every apostrophe or keep "l'armée" whole
// instead of separating the elided article, cut hyphenated names such as
// "Bobo-Dioulasso" or keep inverted pronouns ("dit-il") attached, end
// sentences after "M." or "Col.", and break "9,4", "1 500" (no-break or
// narrow no-break space between digit groups), "14h30" or "28/12/2023".
// The rules here are French first; English and other Latin-script text is
// tokenised sensibly (words, numbers, punctuation) but without
// English-specific contractions beyond the possessive "'s".
//
// # Tokens
//
// Tokens returns every token of a text in order. Tokens never overlap and
// every byte that is not whitespace belongs to exactly one token;
// whitespace is what unicode.IsSpace reports plus the zero-width space,
// the word joiner and the byte-order mark. Invalid UTF-8 bytes become
// tokens of kind Other, one byte each. The conventions are:
//
//   - Elision: "l'armée" is "l'" + "armée", for l' d' j' m' n' s' t' c' ç'
//     qu' jusqu' lorsqu' puisqu' quoiqu' presqu' in any case and with either
//     apostrophe (' or ’). Words whose apostrophe is not an elision stay
//     whole: "aujourd'hui", "quelqu'un", "presqu'île", "O'Brien", and names
//     such as "N'Djamena" or "M'Baye" (N' or M' followed by a capitalised
//     word). An English possessive is split off: "Putin's" is "Putin" +
//     "'s".
//   - Hyphens: hyphenated words stay whole ("Saint-Pétersbourg",
//     "Colonel-major", "vice-ministre", "COVID-19"), except a trailing
//     chain of inverted pronouns, which becomes its own token with its
//     leading hyphen: "dit-il" is "dit" + "-il", "a-t-il" is "a" + "-t-il",
//     "donne-le-moi" is "donne" + "-le-moi" ("rendez-vous" and a few
//     nouns like it stay whole). A dash between spaces, an en dash or an
//     em dash is punctuation.
//   - Abbreviations keep their period: "M.", "MM.", "Col.", "Gén.", "etc.",
//     "cf.", "p.", "av.", "J.-C.", "U.S.", "O.N.U.", and a single capital
//     initial before a capitalised word that does not usually start a
//     sentence ("J. Dupont", but not "vitamine D. Le"). "n°" is one token.
//     Letters joined by "_" stay one word ("spot_img").
//   - Numbers: "9,4", "3.5", "1 500 000" (groups of exactly three digits
//     after a space, a no-break space or a narrow no-break space),
//     "1 500,75", "28/12/2023", "2023-10", "14:30", "14h30", ordinals
//     "1er", "2ème", "2e", "XXe" (kind Number). A unit or currency written
//     against the number is split off ("10km" is "10" + "km"); "%" is a
//     Symbol token of its own.
//   - URLs (with a scheme, "www." or a bare domain with a known top-level
//     domain), e-mail addresses, @handles and #hashtags are one token each.
//   - Quotes, brackets, guillemets and dashes are punctuation, one rune per
//     token; runs of periods ("...") and of ! and ? ("?!") are one token.
//
// # Sentences
//
// Sentences groups the tokens into sentences. A sentence ends after . ! ?
// … (and runs of them) when whitespace follows and the next token starts
// with a capital letter, an opening quote or bracket, a dash or a digit,
// or at the end of the text; closing quotes and brackets right after the
// terminal stay in the sentence. Without a space, a period ends a sentence
// only between a lower-case word (or a closing quote) and a capitalised
// word ("nouvelle.Bien que", a frequent scraping artefact). A paragraph
// break (a blank line) always ends a sentence, so a heading line followed
// by a blank line is a sentence of its own; a line starting with a bullet
// starts a new sentence. A single line break is otherwise ordinary space. Abbreviations, initials
// and decimal numbers never end a sentence, except "etc.", month
// abbreviations and "J.-C.", which do when a capitalised word follows.
//
// Both functions run in time linear in the length of the text and never
// panic, whatever the input.
package tokenize
