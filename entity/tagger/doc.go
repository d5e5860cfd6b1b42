// Package tagger finds person, place and organisation names in French text
// with a statistical sequence tagger: a linear model over sparse features
// with tag transitions, decoded by Viterbi under the BIO constraints (an
// I- tag only continues an entity of its type), trained either as a
// linear-chain CRF by averaged stochastic gradient (the shipped model) or
// as an averaged structured perceptron.
//
// It is written here because no maintained pure-Go named-entity tagger for
// French exists: the usable French models live in Python (spaCy, Flair,
// CamemBERT) and would need a runtime, a network download or cgo. A
// linear model over hand-designed features is small, fast (hundreds of
// thousands of tokens per second on one core), deterministic to train in
// about a minute, and its model is a few megabytes embedded in the binary.
//
// # Features
//
// For each token: its lower-cased, digit-folded form; prefixes and
// suffixes of one to four letters; its shape (Xxxx, XXXX, xx-Xxx, dd...)
// and capitalisation class, alone and with "sentence-initial"; the words,
// shapes and classes of its neighbours within two tokens and the word
// bigrams around it; whether a title or trigger word comes before it
// ("Président", "ministre", "Colonel-major", "M.", "Mme", "général";
// "à", "en", "vers" before places; "ministère", "parti" before
// organisations), also across a run of capitalised words ("Capitaine
// Ibrahim TRAORE"), and for organisation head words across the words of a
// name ("Banque des États de l'Afrique centrale"), and an organisation word
// closing a run of capitalised words ("Manchester City", "Reign FC"); its
// word cluster (two granularities) and how often it is capitalised inside
// a sentence in unlabelled news (see Lexicon); whether it or a neighbour
// is a given name of the knowledge base ("Mamadou KONÉ": KONÉ follows a
// given name); the tags a Gazetteer gives it and its neighbours; the
// lower-case words three to five tokens away, as a bag. Tag transitions carry their own
// weights, shared and per transition context: each connector word that
// joins the parts of names ("de", "des", "l'", "-") and each
// capitalisation class has its own.
//
// # Gazetteer
//
// A Gazetteer (for example the knowledge base's list of known names,
// KBGazetteer, or Phrases) plugs in with WithGazetteer. The shipped model
// was trained with a gazetteer on part of its examples and without one on
// the others, so it works either way and learns how far to trust one;
// Default attaches the knowledge base's, which helps on every
// development set.
//
// # Model
//
// Default returns the model embedded from model/fr.model.gz, built by
//
//	go run ./entity/tagger/train
//
// from the Europeana newspapers (CC0) and the NewsEye part of HIPE-2022
// (CC BY 4.0) minus their held-out parts, with clusters, capitalisation
// counts and silver sentences derived from unlabelled MasakhaNEWS French
// articles, the knowledge base's names and the country names; see that
// command and model/README.md for the details. It never sees WikiNEuRal,
// which is for evaluation only.
//
// Tag takes tokens as package tokenize cuts them ("l'", "M.", "9,4",
// "Burkina-Faso"), one sentence at a time for the best results.
package tagger
