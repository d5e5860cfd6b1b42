package htmlpage

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lead is what the page states around the article's headline: the
// title, the kicker and category labels above it, and the byline's author
// names. Body text must not start with them.
type lead struct {
	title   string
	heading string   // the page's headline, when it differs from the title
	kickers []string // kicker, section and tag labels
	authors []string
}

// clean removes the boilerplate paragraphs trafilatura lets through. Each
// rule only removes short paragraphs or a trailing block of them, so a
// false match costs little text.
func clean(paras []string, l lead) []string {
	paras = cutRelated(dropLead(paras, l))
	out := paras[:0:0]
	for _, p := range paras {
		if isBoilerplate(p) || isShareRow(p) || isTemplate(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// normKey lower-cases p and keeps only its letters and digits, so that
// copies differing in punctuation or spacing compare equal.
func normKey(p string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(p) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Bounds of the lead: how many paragraphs are looked at, and how long a
// kicker before the title may be.
const (
	maxLeadParas   = 6
	maxKickerWords = 12
)

// dropLead removes the page furniture trafilatura keeps before the first
// body paragraph: copies of the title, kicker and section labels before
// it (when the title follows within the lead, or when they are one of the
// page's section or tag labels), and byline or date lines ("Par Awa
// Traoré · 10 juin 2025", "3 min de lecture", a lone "·"). A first
// paragraph that starts with the title and goes on with text loses the
// title only.
func dropLead(paras []string, l lead) []string {
	t, h := normKey(l.title), normKey(l.heading)
	isTitle := func(p string) bool { return isTitleCopy(p, t) || isTitleCopy(p, h) }
	// Kicker lines followed by the title.
	for i := 1; i < min(len(paras), maxLeadParas); i++ {
		if !isTitle(paras[i]) {
			if wordCount(paras[i]) > maxKickerWords || endsSentence(paras[i], wordCount(paras[i])) {
				break
			}
			continue
		}
		if allShort(paras[:i]) {
			paras = paras[i+1:]
		}
		break
	}
	kick := map[string]bool{}
	for _, k := range l.kickers {
		if key := normKey(k); key != "" {
			kick[key] = true
		}
	}
	for n := 0; len(paras) > 0 && n < maxLeadParas; n++ {
		p := paras[0]
		switch {
		case isTitle(p),
			kick[normKey(p)] && wordCount(p) <= 6,
			isBylineLine(p, l.authors):
			paras = paras[1:]
			continue
		}
		for _, k := range []string{t, h} {
			if rest, ok := cutKeyPrefix(p, k); ok && wordCount(rest) >= minBodyWords {
				paras[0] = rest
				break
			}
		}
		break
	}
	return paras
}

// allShort reports whether every paragraph is a short label.
func allShort(ps []string) bool {
	for _, p := range ps {
		if wordCount(p) > maxKickerWords || endsSentence(p, wordCount(p)) {
			return false
		}
	}
	return true
}

// isTitleCopy reports whether p repeats the title (whose key is t), or is
// the title without the site name trafilatura removed from it, or is a
// truncated copy of it.
func isTitleCopy(p, t string) bool {
	k := normKey(p)
	if k == "" || t == "" {
		return false
	}
	return k == t || len(k) > len(t)/2 && strings.HasPrefix(t, k) ||
		len(t) > len(k)/2 && strings.HasPrefix(k, t) && len(k)-len(t) < 40 && wordCount(p) < 25
}

// cutKeyPrefix returns p without its leading text whose key is key, when
// p starts with it.
func cutKeyPrefix(p, key string) (string, bool) {
	if key == "" {
		return p, false
	}
	k := key
	for i, r := range strings.ToLower(p) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if !strings.HasPrefix(k, string(r)) {
			return p, false
		}
		k = k[len(string(r)):]
		if k == "" {
			j := i + len(string(r))
			// The key must end on a word boundary of p.
			if next, _ := utf8.DecodeRuneInString(p[j:]); j < len(p) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
				return p, false
			}
			return strings.TrimLeft(p[j:], " .:;,!?|·•–—-»"), true
		}
	}
	return p, false
}

// bylineWords are the words a byline or date line is made of, besides
// names, numbers, months and days.
var bylineWords = map[string]bool{
	"par": true, "by": true, "de": true, "du": true, "le": true, "la": true, "les": true, "l": true, "à": true,
	"a": true, "et": true, "and": true, "on": true, "at": true, "in": true, "publié": true, "publiée": true,
	"published": true, "posted": true, "mis": true, "jour": true, "mise": true, "updated": true, "update": true,
	"modifié": true, "modified": true, "actualisé": true, "màj": true, "maj": true, "min": true, "mins": true,
	"minute": true, "minutes": true, "lecture": true, "read": true, "reading": true, "time": true, "temps": true,
	"il": true, "y": true, "ago": true, "h": true, "gmt": true, "utc": true, "am": true, "pm": true, "heure": true,
	"heures": true, "mn": true, "rédaction": true, "redaction": true, "envoyé": true, "envoyée": true,
	"spécial": true, "spéciale": true, "correspondant": true, "correspondante": true, "avec": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
	"un": true, "une": true, "article": true, "signé": true, "signée": true, "texte": true, "écrit": true,
	"écrite": true, "written": true, "propos": true, "recueillis": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// lastRune returns the last character of s, trailing blanks ignored.
func lastRune(s string) string {
	s = strings.TrimSpace(s)
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// rxBylineStart matches the words that open a byline or a date line.
var rxBylineStart = regexp.MustCompile(`(?i)^(?:par|by|publié|publiée|published|posted|mis\s+à\s+jour|mise\s+à\s+jour|updated|modifié)\b`)

// isBylineLine reports whether p is a byline or a date line: at most 10
// words with a date and no full stop, or at most 16 words that are
// nothing but separators, or the article's author names, dates and byline
// words, with at least an author name, a date or a byline opener among
// them.
func isBylineLine(p string, authors []string) bool {
	if wordCount(p) > 16 {
		return false
	}
	if wordCount(p) <= 10 && !strings.ContainsAny(lastRune(p), ".!?…") && len(datesInText(p)) > 0 {
		return true // "Awa Maïga, 05/02/2024 à 07h45"
	}
	rest := " " + strings.ToLower(p) + " "
	named := false
	for _, a := range authors {
		if a = strings.ToLower(strings.TrimSpace(a)); a != "" && strings.Contains(rest, a) {
			rest = strings.ReplaceAll(rest, a, " ")
			named = true
		}
	}
	ws := words(rest)
	if len(ws) == 0 {
		return true // separators only: "·", "|"
	}
	dated := false
	for _, w := range ws {
		switch {
		case strings.ContainsAny(w, "0123456789"):
			dated = true
		case months[w] > 0:
			dated = true
		case bylineWords[w]:
		default:
			return false
		}
	}
	return named || dated || rxBylineStart.MatchString(strings.TrimSpace(p))
}

func wordCount(s string) int { return len(strings.Fields(s)) }

var (
	// rxBoilerplate matches a whole paragraph that is page furniture.
	rxBoilerplate = regexp.MustCompile(`(?i)^(?:advertisement|advertising|publicité|pub|annonce|sponsored|sponsorisé|contenu sponsorisé|partenaire|scroll to continue(?: with content)?|continue reading(?: below)?|lire la suite|read more|voir plus|see more|afficher plus|show more|load more|charger plus|suite de l'article ci-dessous|la suite après (?:cette|la) publicité|article continues below|story continues below(?: advertisement)?|pour aller plus loin|à voir aussi|recommended|recommandé|trending|tendance|close|fermer|menu|accueil|home|newsletter|top)$`)
	// rxSeeAlso matches the cross-reference paragraphs inserted in a body.
	rxSeeAlso = regexp.MustCompile(`(?i)^(?:[►▶»>→•*-]\s*)?(?:à\s+lire\s+aussi|a\s+lire\s+aussi|lire\s+aussi|lire\s+également|à\s+lire\s+également|à\s+lire|à\s+voir|voir\s+aussi|voir\s+également|lisez\s+aussi|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|read\s+also|also\s+read|see\s+also|related(?:\s+(?:articles?|stories|content|news))?|more\s+on\s+this(?:\s+story)?|read\s+more|further\s+reading|recommended\s+reading|you\s+may\s+also\s+like|you\s+might\s+also\s+like)\b\s*[:：\-–—|»>]?`)
	// rxCredit matches photo credits and calls to subscribe or follow.
	rxCredit = regexp.MustCompile(`(?i)^(?:(?:photo|crédit(?:s)?(?:\s+photo)?|credit|image|illustration|source\s+photo)\s*:|©|\(c\)\s|copyright\b)`)
	// rxCallToAction matches calls to subscribe, follow or install, which
	// rxChannel must confirm: "sign up" alone is also ordinary prose.
	rxCallToAction = regexp.MustCompile(`(?i)^(?:abonnez-vous|inscrivez-vous|suivez-nous|rejoignez-nous|téléchargez|recevez|subscribe|sign up|follow us|join us|download|get|click here|cliquez ici)\b`)
	rxChannel      = regexp.MustCompile(`(?i)\b(?:newsletters?|infolettres?|lettre d'information|app|application|appli|channel|chaîne|notifications?|alertes?|podcast|whatsapp|telegram)\b`)
)

// isBoilerplate reports whether p is a short piece of page furniture: an
// ad label, a "see also" cross-reference, a photo credit, a call to
// subscribe.
func isBoilerplate(p string) bool {
	n := wordCount(p)
	t := strings.TrimSpace(strings.Trim(p, " .…:!|»>•·-–—"))
	switch {
	case n <= 8 && rxBoilerplate.MatchString(t):
		return true
	case n <= 30 && rxSeeAlso.MatchString(p) && !endsSentence(p, n):
		return true
	case n <= 25 && rxCredit.MatchString(p):
		return true
	case n <= 25 && rxCallToAction.MatchString(p) && rxChannel.MatchString(p):
		return true
	}
	return false
}

// endsSentence reports whether p reads like a sentence of running text
// rather than a headline: several words ending with a full stop.
func endsSentence(p string, n int) bool {
	return n > 12 && strings.HasSuffix(strings.TrimSpace(p), ".")
}

// shareWords are the labels of share and social buttons.
var shareWords = map[string]bool{
	"share": true, "partager": true, "partagez": true, "partage": true, "tweet": true, "tweeter": true,
	"facebook": true, "twitter": true, "x": true, "linkedin": true, "whatsapp": true, "telegram": true,
	"messenger": true, "pinterest": true, "pint": true, "reddit": true, "email": true, "e": true, "mail": true,
	"courriel": true, "print": true, "imprimer": true, "copy": true, "copier": true, "link": true, "lien": true,
	"le": true, "the": true, "this": true, "article": true, "on": true, "sur": true, "via": true, "par": true,
	"flipboard": true, "tumblr": true, "instagram": true, "youtube": true, "tiktok": true, "sms": true,
	"envoyer": true, "send": true, "save": true, "enregistrer": true, "comment": true, "commenter": true,
	"commentaires": true, "comments": true, "bluesky": true, "threads": true, "vk": true, "google": true,
	"baixar": true, "download": true, "télécharger": true,
}

// isShareRow reports whether p consists of share-button labels only.
func isShareRow(p string) bool {
	ws := words(p)
	if len(ws) == 0 || len(ws) > 14 {
		return false
	}
	brand, verb := 0, 0
	for _, w := range ws {
		if !shareWords[w] {
			if !isCount(w) {
				return false
			}
			continue
		}
		switch w {
		case "share", "partager", "partagez", "tweet", "print", "imprimer":
			verb++
		case "facebook", "twitter", "linkedin", "whatsapp", "telegram",
			"pinterest", "reddit", "email", "messenger", "flipboard":
			brand++
		}
	}
	// Two labels make a row; a lone share verb is a button, a lone brand
	// name may be a word of the text.
	return brand+verb >= 2 || verb == 1 && len(ws) <= 2
}

// isCount accepts the share counters printed beside buttons ("12",
// "1k").
func isCount(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "k"), "m")
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

var rxTemplate = regexp.MustCompile(`\{\{[^{}]*\}\}|\{%[^{}]*%\}|\$\{[^{}]*\}`)

// isTemplate reports whether p is mostly unrendered template code such as
// "{{playListTitle}}".
func isTemplate(p string) bool {
	locs := rxTemplate.FindAllStringIndex(p, -1)
	if len(locs) == 0 {
		return false
	}
	rest := rxTemplate.ReplaceAllString(p, " ")
	return wordCount(rest) <= 3*len(locs) || wordCount(rest) < 6
}

// rxRelatedHead matches the heading of a block of related links.
var rxRelatedHead = regexp.MustCompile(`(?i)^(?:à\s+lire\s+aussi|a\s+lire\s+aussi|lire\s+aussi|à\s+lire\s+également|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|articles?\s+(?:liés|similaires|connexes|recommandés)|les\s+plus\s+lus|nos\s+articles|à\s+voir\s+aussi|voir\s+aussi|à\s+découvrir|d'autres\s+articles|autres\s+articles|plus\s+d'articles|dernières?\s+(?:actualités|nouvelles|infos|articles)|related(?:\s+(?:articles?|stories|content|news|posts|coverage|reading|topics))?|read\s+(?:more|next|also)|more\s+(?:from|on|in|stories|news|articles)\b.*|most\s+(?:read|popular|viewed)|you\s+may\s+also\s+like|you\s+might\s+also\s+like|recommended(?:\s+for\s+you)?|trending(?:\s+now)?|latest\s+(?:news|stories|articles)|see\s+also|also\s+read|further\s+reading)\s*[:：]?$`)

// cutRelated drops a trailing block of related links: a heading such as
// "Lire aussi" or "Related stories" in the second half of the text
// followed only by short, headline-like paragraphs.
func cutRelated(paras []string) []string {
	for i := len(paras) / 2; i < len(paras); i++ {
		h := strings.TrimSpace(strings.Trim(paras[i], " .…:!|»>•·-–—"))
		if wordCount(h) > 8 || !rxRelatedHead.MatchString(h) {
			continue
		}
		rest := paras[i+1:]
		headlines := true
		for _, p := range rest {
			if wordCount(p) > 25 {
				headlines = false
				break
			}
		}
		if headlines {
			return paras[:i]
		}
	}
	return paras
}

// words splits s into lower-cased runs of letters, marks and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
