package dumpmeta

import (
	"regexp"
	"strings"
	"unicode"
)

// rxSiteYear matches the years and year ranges of a copyright notice.
var rxSiteYear = regexp.MustCompile(`\b(19|20)\d\d(\s*[-–]\s*(19|20)\d\d)?\b`)

// rxRights matches the rights formulas that follow a copyright holder.
var rxRights = regexp.MustCompile(`(?i)(tous droits réservés|tous droits de reproduction.*|all rights reserved|reproduction interdite.*|droits réservés)`)

// rxSiteSep splits a footer line into its segments.
var rxSiteSep = regexp.MustCompile(`\s[|–—]\s|\s-\s|\|`)

// rxDomain matches a line that is only a web address.
var rxDomain = regexp.MustCompile(`^(?i)(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})/?$`)

// Site returns the name of the site a dump was rendered from, as its
// chrome states it: the holder of the page's copyright notice ("© 2025 Le
// Courrier du Faso – Tous droits réservés", "Aminata24. © 2025"), else a
// line that is only the site's address ("www.libreinfo.net"). The lines
// inside the body region [bodyStart, bodyEnd) are not looked at. It
// returns "" when the page does not say.
func Site(lines []string, bodyStart, bodyEnd int) string {
	name, domain := "", ""
	for i, l := range lines {
		if i >= bodyStart && i < bodyEnd {
			continue
		}
		l = strings.TrimSpace(l)
		if len(l) == 0 || len(l) > 200 {
			continue
		}
		if strings.Contains(l, "©") || hasFoldPrefix(l, "copyright") {
			if n := copyrightHolder(l); n != "" {
				name = n // the last notice is the page footer's
			}
			continue
		}
		if domain != "" || strings.ContainsAny(l, " \t") || !strings.Contains(l, ".") {
			continue
		}
		if m := rxDomain.FindStringSubmatch(l); m != nil {
			domain = strings.ToLower(m[1])
		}
	}
	if name != "" {
		return name
	}
	return domain
}

// copyrightHolder extracts the holder's name from a copyright notice.
func copyrightHolder(l string) string {
	// Keep the segment that carries the sign, or the first one.
	segs := rxSiteSep.Split(l, -1)
	seg := segs[0]
	for _, s := range segs {
		if strings.Contains(s, "©") || strings.Contains(strings.ToLower(s), "copyright") {
			seg = s
			break
		}
	}
	seg = rxRights.ReplaceAllString(seg, " ")
	seg = rxSiteYear.ReplaceAllString(seg, " ")
	seg = strings.NewReplacer("©", " ", "(c)", " ", "(C)", " ").Replace(seg)
	if i := strings.Index(strings.ToLower(seg), "copyright"); i >= 0 {
		seg = seg[:i] + " " + seg[i+len("copyright"):]
	}
	seg = strings.TrimFunc(seg, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	seg = strings.Join(strings.Fields(seg), " ")
	words := strings.Fields(seg)
	if len(words) == 0 || len(words) > 6 {
		return ""
	}
	hasLetter := strings.IndexFunc(seg, unicode.IsLetter) >= 0
	if !hasLetter {
		return ""
	}
	return seg
}

// hasFoldPrefix reports whether s starts with the ASCII prefix, ignoring
// case, without allocating.
func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
