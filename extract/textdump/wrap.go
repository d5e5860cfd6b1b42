package textdump

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds the paragraphs a renderer wrapped: w3m and lynx break
// long lines at the terminal width, and a paragraph must be one block to
// be judged as prose.

// lineShape is the cheap per-line information blocks are built from.
type lineShape struct {
	blank   bool
	bullet  bool
	width   int
	indent  int
	textCol int
}

func shapeOf(line string) lineShape {
	var s lineShape
	trimmed := trimRightBlank(line)
	rest := trimLeftBlank(trimmed)
	if strings.IndexFunc(rest, isWordRune) < 0 && !strings.Contains(rest, "[") && !strings.Contains(rest, "{") {
		s.blank = true
		return s
	}
	s.width = Width(trimmed)
	s.indent = Indent(trimmed)
	if after, ok := cutBullet(rest); ok {
		s.bullet = true
		rest = after
	}
	// Widths add up over a split between whole runes: the text column is
	// the width of what precedes rest.
	s.textCol = Width(trimmed[:len(trimmed)-len(rest)])
	return s
}

// WrapWidths estimates the columns at which the renderer wrapped the
// dump's lines, widest first: w3m -cols 200 wraps at 199, lynx at 79, and
// a page laid out in columns wraps each column at its own width. It
// returns nil when the dump does not look wrapped (one paragraph per line,
// as browsers copy text).
func WrapWidths(lines []string) []int {
	shapes := make([]lineShape, len(lines))
	for i, l := range lines {
		shapes[i] = shapeOf(l)
	}
	return wrapWidths(shapes)
}

// wrapWindow is how far below a wrap width a wrapped line may end.
const wrapWindow = 16

func wrapWidths(shapes []lineShape) []int {
	// Wrapped lines pile up just under a wrap width; the lines of an
	// unwrapped dump spread over a wide range. A wrap width is the top of
	// a 16-column window holding at least 3 lines of 40 columns or more
	// and a fair share of all such lines.
	const minWidth, maxWidth = 40, 1024
	var hist [maxWidth + 2]uint16
	long, top := 0, 0
	for _, s := range shapes {
		if s.blank || s.width < minWidth {
			continue
		}
		if hist[min(s.width, maxWidth+1)] < 1<<15 {
			hist[min(s.width, maxWidth+1)]++
		}
		long++
		top = max(top, min(s.width, maxWidth))
	}
	if long < 3 {
		return nil
	}
	need := max(3, long/8)
	// count[w] is the number of lines in the window ending at w.
	var count [maxWidth + 2]int
	n := 0
	for w := minWidth; w <= top; w++ {
		n += int(hist[w])
		if w-wrapWindow >= minWidth {
			n -= int(hist[w-wrapWindow])
		}
		count[w] = n
	}
	// bands[w] scores w as a wrap width: wrapped lines crowd the last few
	// columns under it and none go just beyond it.
	var bands [maxWidth + 2]int
	for w := minWidth; w <= top; w++ {
		for v := max(minWidth, w-7); v <= w; v++ {
			bands[w] += int(hist[v])
		}
		for v := w + 1; v <= min(maxWidth, w+8); v++ {
			bands[w] -= int(hist[v])
		}
	}
	band := func(w int) int { return bands[w] }
	// The renderer's own width: the widest window top with a few lines
	// crowding under it and almost none beyond it (w3m never goes past
	// it; CJK paragraphs may give only two or three wrapped lines).
	var peaks []int
	firstBand := 0
	wider := 0
	for w := top; w >= 60; w-- {
		if hist[w] > 0 && count[w] >= 3 && band(w) >= 2 && wider <= max(2, count[w]/4) {
			// The window may reach above its crowd (one long line on
			// top): settle on the best band inside it.
			top := w
			for v := w - 1; v > w-wrapWindow && v >= minWidth; v-- {
				if hist[v] > 0 && band(v) > band(top) {
					top = v
				}
			}
			w = top
			peaks = append(peaks, w)
			firstBand = band(w)
			for v := max(0, w-wrapWindow+1); v <= min(maxWidth, w+wrapWindow-1); v++ {
				count[v] = 0
			}
			break
		}
		wider += int(hist[w+1])
	}
	// Columns of a laid-out page wrap at their own widths: pick further
	// peaks greedily, best band first, while they are at least half as
	// strong as the first; a peak rules out the window tops near it.
	for {
		best, bestBand := 0, 0
		for w := 60; w <= top; w++ {
			if hist[w] == 0 || count[w] < need {
				continue
			}
			if b := band(w); b > bestBand || b == bestBand && w > best {
				best, bestBand = w, b
			}
		}
		if best == 0 || bestBand < 3 || len(peaks) > 0 && (bestBand < 5 || bestBand*2 < firstBand) {
			break
		}
		if len(peaks) == 0 {
			firstBand = bestBand
		}
		peaks = append(peaks, best)
		for w := max(0, best-wrapWindow+1); w <= min(maxWidth, best+wrapWindow-1); w++ {
			count[w] = 0
		}
	}
	slices.SortFunc(peaks, func(a, b int) int { return b - a })
	return peaks
}

// continues reports whether line next continues line cur's paragraph: cur
// ends just under a wrap width and the next word would not have fit, and
// next is indented to cur's text column and is not a new list item.
func continues(cur string, cs lineShape, next string, ns lineShape, col int, widths []int) bool {
	if ns.blank || ns.bullet || ns.indent != col {
		return false
	}
	first := strings.TrimSpace(next)
	if i := strings.IndexAny(first, " \t"); i >= 0 {
		first = first[:i]
	}
	r, _ := utf8.DecodeRuneInString(first)
	fw := Width(first)
	if isWideScript(r) {
		fw = runeWidth(r)
	}
	W := 0
	for _, w := range widths { // widest first: find the narrowest above cur
		if w >= cs.width {
			W = w
		}
	}
	if W == 0 || cs.width <= W-wrapWindow || cs.width+1+fw < W {
		return false
	}
	// A line that ends a sentence was wrapped only if the next one goes
	// on in lower case; otherwise it is more likely a paragraph of an
	// unwrapped dump that happens to be about as long as the wrap width.
	if t, _ := sentenceEnd(cur); t {
		return unicode.IsLower(r)
	}
	return true
}
