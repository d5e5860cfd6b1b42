package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldLatin maps the runes below foldLatinEnd to their folded form: lower
// case, diacritics removed ("É" -> "e", "ï" -> "i", "œ" -> "oe"). Letters
// and digits fold to themselves; everything else (punctuation, symbols,
// spaces) folds to "" and separates words. Built once from Unicode
// decompositions, so the table is the standard's, not ours.
var foldLatin [foldLatinEnd]string

const foldLatinEnd = 0x250 // Basic Latin through Latin Extended-B

func init() {
	special := map[rune]string{
		'œ': "oe", 'Œ': "oe", 'æ': "ae", 'Æ': "ae", 'ß': "ss", 'ø': "o", 'Ø': "o",
		'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'ı': "i", 'þ': "th", 'Þ': "th",
		'ð': "d", 'Ð': "d", 'ŀ': "l", 'Ŀ': "l", 'ĸ': "k", 'ŉ': "n",
	}
	for r := rune(0); r < foldLatinEnd; r++ {
		if s, ok := special[r]; ok {
			foldLatin[r] = s
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		foldLatin[r] = stripMarks(unicode.ToLower(r))
	}
}

// stripMarks returns r lower-cased and decomposed, without its combining
// marks.
func stripMarks(r rune) string {
	d := norm.NFD.String(string(unicode.ToLower(r)))
	var b strings.Builder
	for _, c := range d {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// isJoiner reports whether r is deleted without separating words: the dot
// of abbreviations ("U.S.A." -> "usa", "D.C." -> "dc") and combining marks.
func isJoiner(r rune) bool {
	return r == '.' || unicode.Is(unicode.Mn, r)
}

// appendFold appends the folded form of s to dst: words of lower-case
// letters and digits without diacritics, separated by single spaces, with
// no leading or trailing space. Apostrophes, hyphens, punctuation and
// invalid UTF-8 separate words.
func appendFold(dst []byte, s string) []byte {
	start := len(dst)
	space := true // the last byte written is a separator (or nothing yet)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
				space = false
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
				space = false
			case c == '.':
			default:
				if !space {
					dst = append(dst, ' ')
					space = true
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		var f string
		switch {
		case r == utf8.RuneError && size == 1:
		case r < foldLatinEnd:
			f = foldLatin[r]
		case isJoiner(r):
			continue
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
		case 0x370 <= r && r < 0x400, 0x1E00 <= r && r < 0x1F00:
			// Greek and Latin Extended Additional carry diacritics
			// worth removing; decompose them.
			f = stripMarks(r)
		default:
			// Other scripts: lower case is enough.
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			space = false
			continue
		}
		if f == "" {
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		dst = append(dst, f...)
		space = false
	}
	if len(dst) > start && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// Fold returns the accent-, case- and punctuation-insensitive form of s
// without removing any word: "Côte d’Ivoire" -> "cote d ivoire",
// "Colonel-major" -> "colonel major", "U.S.A." -> "usa".
func Fold(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// leading lists the words and phrases Normalize removes from the start of a
// name, already folded: determiners, civilities, honorifics, military ranks
// and the offices the press puts before a name. Longer phrases come first
// so that "colonel major" is removed whole before "colonel" is tried.
var leading = sortByLength([]string{
	// determiners and elided determiners
	"le", "la", "les", "l", "the",
	// civilities and honorifics
	"m", "mr", "mme", "mlle", "mm", "monsieur", "madame", "mademoiselle",
	"docteur", "professeur", "me", "maitre", "mgr",
	"sem", "se", "son excellence", "excellence", "sa majeste", "sm", "hon", "honorable",
	"elhadj", "el hadj", "hadja", "cheikh", "sheikh", "imam",
	// military ranks, most specific first
	"general d armee", "general de corps d armee", "general de division",
	"general de brigade", "general", "gal", "gen", "marechal",
	"colonel major", "col major", "colonel", "col", "lieutenant colonel", "lt col",
	"commandant", "cdt", "chef d escadron", "chef de bataillon", "capitaine", "cne", "cpt",
	"lieutenant", "lt", "sous lieutenant", "adjudant chef", "adjudant", "sergent chef",
	"sergent", "caporal", "soldat", "amiral", "vice amiral", "contre amiral",
	// offices
	"president", "presidente", "vice president", "vice presidente",
	"president de la transition", "president du faso", "president de la republique",
	"chef de l etat", "premier ministre", "ministre d etat", "ministre", "vice ministre",
	"ministre de la defense", "ministre des affaires etrangeres",
	"ministre des armees", "roi", "reine", "prince", "emir",
})

func sortByLength(words []string) []string {
	// Insertion sort keeps the source order among equal lengths; the
	// list is tiny and sorted once.
	for i := 1; i < len(words); i++ {
		for j := i; j > 0 && len(words[j]) > len(words[j-1]); j-- {
			words[j], words[j-1] = words[j-1], words[j]
		}
	}
	return words
}

// Normalize returns the key under which veille compares names: the folded
// name (see Fold) without the determiners, civilities, ranks and offices
// it starts with, as long as a name remains. "le Capitaine Ibrahim TRAORE",
// "Ibrahim Traoré" and "Président Ibrahim Traore" all normalise to
// "ibrahim traore"; "Colonel-major Kassoum COULIBALY" and "Colonel Major
// Kassoum Coulibaly" to "kassoum coulibaly"; "la Fédération de Russie" to
// "federation de russie". A name made only of a title ("Président")
// keeps it.
func Normalize(name string) string {
	return stripLeading(Fold(name))
}

// stripLeading removes the leading words of a folded name (see leading).
func stripLeading(f string) string {
	for {
		cut := false
		for _, w := range leading {
			if len(f) > len(w) && f[len(w)] == ' ' && f[:len(w)] == w {
				f = f[len(w)+1:]
				cut = true
				break
			}
		}
		if !cut {
			return f
		}
	}
}
