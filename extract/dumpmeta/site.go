package dumpmeta

import (
	"bytes"
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
	// The lines to read, trimmed; "" for those not to read.
	trimmed := make([]string, len(lines))
	for i, l := range lines {
		if i >= bodyStart && i < bodyEnd {
			continue
		}
		if l = strings.TrimSpace(l); len(l) <= 200 {
			trimmed[i] = l
		}
	}
	isNotice := func(l string) bool { return strings.Contains(l, "©") || hasFoldPrefix(l, "copyright") }
	// The last notice is the page footer's: read from the end.
	for i := len(trimmed) - 1; i >= 0; i-- {
		if l := trimmed[i]; l != "" && isNotice(l) {
			if n := copyrightHolder(l); n != "" {
				return n
			}
		}
	}
	for _, l := range trimmed {
		if l == "" || isNotice(l) || strings.ContainsAny(l, " \t") || !strings.Contains(l, ".") {
			continue
		}
		if m := rxDomain.FindStringSubmatch(l); m != nil {
			return strings.ToLower(m[1])
		}
	}
	return ""
}

// copyrightHolder extracts the holder's name from a copyright notice.
func copyrightHolder(l string) string {
	// Keep the segment that carries the sign, or the first one.
	segs := []string{l}
	if strings.ContainsAny(l, "|-–—") { // every separator holds one of them
		segs = rxSiteSep.Split(l, -1)
	}
	seg := segs[0]
	for _, s := range segs {
		if strings.Contains(s, "©") || strings.Contains(strings.ToLower(s), "copyright") {
			seg = s
			break
		}
	}
	if mayHoldRights(seg) {
		seg = rxRights.ReplaceAllString(seg, " ")
	}
	if hasYearLike(seg) {
		seg = rxSiteYear.ReplaceAllString(seg, " ")
	}
	seg = signReplacer.Replace(seg)
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

// signReplacer blanks the copyright signs.
var signReplacer = strings.NewReplacer("©", " ", "(c)", " ", "(C)", " ")

// mayHoldRights reports whether s may match rxRights: every formula holds
// "droit", "right" or "reproduction", whose letters fold to ASCII only.
func mayHoldRights(s string) bool {
	var buf [256]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return bytes.Contains(b, []byte("droit")) || bytes.Contains(b, []byte("right")) || bytes.Contains(b, []byte("reproduction"))
}

// hasYearLike reports whether s may match rxSiteYear: it holds "19" or
// "20" followed by two ASCII digits.
func hasYearLike(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isASCIIDigit(s[i+2]) && isASCIIDigit(s[i+3]) {
			return true
		}
	}
	return false
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
