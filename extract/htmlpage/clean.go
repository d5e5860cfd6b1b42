package htmlpage

import (
	"regexp"
	"strings"
	"unicode"
)

// clean removes the boilerplate paragraphs trafilatura lets through. Each
// rule only removes short paragraphs or a trailing block of them, so a
// false match costs little text.
func clean(paras []string, title string) []string {
	paras = cutRelated(dropTitle(paras, title))
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

// dropTitle removes leading paragraphs that repeat the title, or that are
// the title without the site name trafilatura removed from it.
func dropTitle(paras []string, title string) []string {
	t := normKey(title)
	if t == "" {
		return paras
	}
	for len(paras) > 0 {
		k := normKey(paras[0])
		if k == "" || k != t && !(len(k) > len(t)/2 && strings.HasPrefix(t, k)) && !(len(t) > len(k)/2 && strings.HasPrefix(k, t) && len(k)-len(t) < 40 && wordCount(paras[0]) < 25) {
			break
		}
		paras = paras[1:]
	}
	return paras
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
