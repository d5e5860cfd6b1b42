package dumpmeta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line-level predicates. They look at a trimmed line and decide what kind
// of text it is: prose, a headline, a menu item, a section heading.

// maxScan bounds the part of a line the date and label rules read: the
// metadata of a line is at its start, and a huge line must not cost more.
const maxScan = 512

// head returns at most the first maxScan bytes of s.
func head(s string) string {
	if len(s) > maxScan {
		return s[:maxScan]
	}
	return s
}

// trim removes surrounding white space, including the non-breaking spaces
// that rendered pages are full of.
func trim(s string) string {
	return strings.TrimSpace(s) // white space as unicode.IsSpace defines it
}

// bulletPrefixes start the items of rendered lists.
var bulletPrefixes = []string{"•", "◦", "▪", "▫", "►", "▶", "☆", "★", "□", "■", "·", "* ", "- ", "– ", "— ", "+ ", "> "}

// bulletFirst is the set of the first bytes of bulletPrefixes.
var bulletFirst = func() (set [256]bool) {
	for _, p := range bulletPrefixes {
		set[p[0]] = true
	}
	return set
}()

// isBullet reports whether the trimmed line t is a list item.
func isBullet(t string) bool {
	if t == "" || !bulletFirst[t[0]] {
		return false
	}
	for _, p := range bulletPrefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// unbullet removes a list-item marker.
func unbullet(t string) string {
	if t == "" || !bulletFirst[t[0]] {
		return t
	}
	for _, p := range bulletPrefixes {
		if strings.HasPrefix(t, p) {
			return trim(t[len(p):])
		}
	}
	return t
}

// countWords counts the white-space separated words of s.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if c == ' ' || c >= '\t' && c <= '\r' {
				in = false
			} else if !in {
				n++
				in = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size - 1
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n
}

// hasWords reports whether countWords(s) >= n, reading no further than
// needed.
func hasWords(s string, n int) bool {
	k, in := 0, false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if c == ' ' || c >= '\t' && c <= '\r' {
				in = false
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			if unicode.IsSpace(r) {
				in = false
				continue
			}
		}
		if !in {
			if k++; k >= n {
				return true
			}
			in = true
		}
	}
	return false
}

// isProse reports whether t reads as running text: long, many words, and
// sentences: it ends like a sentence, or holds two sentence breaks (one if
// it is long, as a wrapped paragraph's line is). An abbreviation ("Roe v.
// Wade", "Frederik W. de Klerk") does not make a headline prose.
func isProse(t string) bool {
	if len(t) < 80 || isBullet(t) {
		return false
	}
	if len(t) <= maxScan && !hasWords(t, 12) {
		return false
	}
	for _, end := range []string{".", ".»", ".\"", ".”", "…", ".)"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	breaks := sentenceBreaks(head(t))
	return breaks >= 2 || (breaks == 1 && len(t) >= 150)
}

// sentenceBreaks counts ". X", "! X", "? X" with X a capital or a quote.
func sentenceBreaks(s string) int {
	n := 0
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) || r == '"' || r == '«' || r == '“' {
				n++
			}
		}
	}
	return n
}

// isHeadline reports whether t could be an article title: a short line
// that starts with a capital, is mostly letters and is not a sentence of
// running text, a menu or a template.
func isHeadline(t string) bool {
	if len(t) < 10 || len(t) > 300 || isBullet(t) {
		return false
	}
	w := countWords(t)
	if w < 2 || w > 30 || len(t) > 220 || (w == 2 && utf8.RuneCountInString(t) < 12) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && !strings.ContainsRune("«\"“'‘[¿¡", first) {
		return false
	}
	// Brackets inside a line are form fields ("[    ]") or photo credits
	// ("[File: Reuters]"); a leading one is a rubric ("[Tribune] …").
	if strings.ContainsAny(t[1:], "[]") && !(first == '[' && strings.Count(t, "]") == 1) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(":,;-–—|/\\", last) {
		return false
	}
	// Titles do not end with a full stop (unless after a quotation:
	// « … "je ne peux pas l'oublier". »); captions and sentences do.
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") && !strings.HasSuffix(t, "\".") &&
		!strings.HasSuffix(t, "”.") && !strings.HasSuffix(t, "».") {
		return false
	}
	f := fold(t)
	for _, p := range captionPrefixes {
		if strings.HasPrefix(f, p) {
			return false
		}
	}
	for _, p := range captionInfixes {
		if strings.Contains(f, p) {
			return false
		}
	}
	if strings.Contains(t, "{{") || strings.Contains(t, "http") || strings.Contains(t, "www.") ||
		strings.Count(t, "|") > 1 || strings.Contains(t, "©") {
		return false
	}
	letters, other := 0, 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsSpace(r):
		default:
			other++
		}
	}
	if letters < 2*other || letters < 8 {
		return false
	}
	return !isSectionHeading(t) && !isUILine(t)
}

// captionPrefixes open photo credits and captions, not titles.
var captionPrefixes = []string{
	"photo", "credit", "courtesy", "image", "illustration", "source :", "source:", "legende",
	"video :", "video:", "file:", "getty", "(photo", "[photo", "©", "media caption", "image caption",
	"image copyright", "legende :", "legende:",
}

// captionInfixes betray a photo credit anywhere in a line.
var captionInfixes = []string{
	"photo:", "photo :", "photo illustration", "credit photo", "photo credit", "(photo", "/ afp", "/afp",
	"getty images", "reuters/",
}

// sectionHeadings start the blocks around an article that are not it:
// related lists, tickers, comment forms. Folded, compared with the whole
// line (trailing colon removed) or its start.
var sectionHeadings = []string{
	"articles similaires", "articles recents", "articles de la meme rubrique", "autres articles",
	"articles lies", "articles connexes", "a lire aussi", "lire aussi", "a lire egalement",
	"lire egalement", "sur le meme sujet", "dans la meme rubrique", "vous pourriez aussi aimer",
	"vous aimerez aussi", "vous pourriez aimer", "vous aimerez peut-etre", "en continu",
	"les plus lus", "les plus populaires", "plus lus", "a la une", "breaking news", "derniers articles",
	"dernieres nouvelles", "dernieres infos", "dernieres actualites", "flash info", "fil info",
	"a voir aussi", "voir aussi", "laisser un commentaire", "laissez un commentaire",
	"leave a reply", "leave a comment", "partagez cet article", "partager cet article",
	"related", "related articles", "related stories", "related posts", "read more", "read next",
	"more stories", "more from", "most read", "most popular", "recent posts", "latest news",
	"latest stories", "trending", "you may also like", "you might also like", "recommended",
	"top stories", "newsletter", "inscrivez-vous", "abonnez-vous", "sign up", "subscribe",
	"publicite", "advertisement", "sponsored", "contenu sponsorise", "commentaires", "comments",
	"reagir", "reactions", "liens utiles", "suivez-nous", "follow us", "reseaux sociaux",
	"skip to content", "skip to main content", "aller au contenu", "print this article",
	"imprimer cet article", "imprimer l'article", "media playback is unsupported",
}

// isSectionHeading reports whether t opens a block that is not the article.
func isSectionHeading(t string) bool {
	if len(t) > 60 {
		return false
	}
	f := strings.Trim(fold(unbullet(t)), " :.!-")
	for _, h := range sectionHeadings {
		if f == h || (strings.HasPrefix(f, h) && len(f) < len(h)+25 && !isLetterByte(f, len(h))) {
			return true
		}
	}
	return false
}

func isLetterByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// uiWords are the words of sharing buttons, widgets and page furniture.
var uiWords = map[string]bool{
	"partager": true, "partagez": true, "share": true, "tweet": true, "tweeter": true,
	"imprimer": true, "print": true, "email": true, "e-mail": true, "mail": true, "envoyer": true,
	"facebook": true, "twitter": true, "x": true, "x-twitter": true, "linkedin": true,
	"whatsapp": true, "telegram": true, "pinterest": true, "reddit": true, "messenger": true,
	"youtube": true, "instagram": true, "tiktok": true, "copier": true, "copy": true, "lien": true,
	"link": true, "commenter": true, "comment": true, "suivre": true, "follow": true,
	"sauvegarder": true, "save": true, "favoris": true, "ecouter": true, "listen": true,
	"accueil": true, "home": true, "menu": true, "recherche": true, "search": true, "rechercher": true,
	"connexion": true, "login": true, "accepter": true, "accept": true, "fermer": true, "close": true,
	"suite": true, "plus": true, "more": true, "whatsappt": true, "sms": true, "flipboard": true,
	"on": true, "sur": true, "via": true, "this": true, "google": true, "google+": true, "partage": true,
	"log": true, "out": true, "sign": true, "in": true, "up": true, "register": true, "inscription": true,
	"deconnexion": true, "bookmark": true, "and": true, "et": true, "logout": true, "signin": true,
}

// isUILine reports whether every word of t is page furniture ("Partager",
// "Facebook Twitter Email").
func isUILine(t string) bool {
	if len(t) > 160 {
		return false
	}
	f := fold(unbullet(t))
	n := 0
	for w := range strings.FieldsFuncSeq(f, func(r rune) bool { return unicode.IsSpace(r) || r == '|' || r == '/' || r == ',' }) {
		w = strings.Trim(w, ":.!()")
		if w == "" {
			continue
		}
		if !uiWords[w] {
			return false
		}
		n++
	}
	return n > 0
}

var (
	reReadTime = regexp.MustCompile(`^(temps de lecture|lecture|reading time|lecture de)?\s*:?\s*\d+\s*(min|mins|mn|mns|minutes?|minute\(s\)|mn\(s\)|min\(s\)|mins\.|min\.)\s*(\(s\))?\s*(de lecture|read|reading|a lire|de lect\.?)?\.?$`)
	reCount    = regexp.MustCompile(`^\d[\d\s.,]*\s*[kK]?\s*(lectures?|vues?|views?|reads?|commentaires?|comments?|reactions?|partages?|shares?)$`)
)

var reRelTime = regexp.MustCompile(`^((publie|mis a jour|updated|posted|published)\s*:?\s*)?(il y a\s+(\d+|un|une|quelques)\s+\S+|\d+\s*(min|mins|minutes?|h|hrs?|hours?|heures?|jours?|days?|semaines?|weeks?)\s+ago|hier|aujourd'hui|yesterday|today|a l'instant|just now)\.?$`)

// isRelativeTime reports whether t is only a relative time ("Il y a 3
// heures", "2 hours ago"): metadata, but no date can be read from it.
func isRelativeTime(t string) bool {
	t = unbullet(t)
	return len(t) < 50 && reRelTime.MatchString(fold(t))
}

// isReadTime reports whether t is a reading-time notice ("2 mn(s) de
// lecture", "5 min read").
func isReadTime(t string) bool {
	t = unbullet(t)
	return len(t) < 60 && reReadTime.MatchString(fold(t))
}

// isCount reports whether t is a view or comment count ("734 Lectures").
func isCount(t string) bool {
	t = unbullet(t)
	if len(t) >= 40 || t == "" {
		return false
	}
	if strings.ContainsAny(t, "()") {
		t = strings.Map(func(r rune) rune {
			if r == '(' || r == ')' {
				return -1
			}
			return r
		}, t)
	}
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false
	}
	return reCount.MatchString(fold(t))
}

// isCopyright reports whether t is a copyright or legal line.
func isCopyright(t string) bool {
	f := fold(head(t))
	return strings.Contains(t, "©") || strings.Contains(f, "copyright") ||
		strings.Contains(f, "tous droits") || strings.Contains(f, "all rights reserved")
}

// isMenuLine reports whether t is a row of links separated by bars.
func isMenuLine(t string) bool { return strings.Count(head(t), "|") >= 2 }
