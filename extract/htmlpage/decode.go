package htmlpage

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// ErrBinary is returned by DecodeHTML when the bytes are not text: they hold
// NUL bytes or too many control characters to be a markup page.
var ErrBinary = errors.New("htmlpage: input looks binary, not HTML")

// sniffLen is how far DecodeHTML looks for a <meta charset> declaration
// beyond the 1024 bytes the HTML prescan reads: long <head> sections often
// push it further.
const sniffLen = 64 << 10

var rxMetaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// DecodeHTML decodes raw HTML bytes to valid UTF-8 and names the charset it
// decoded from ("utf-8", "windows-1252"...). The encoding comes from, in
// order: a byte-order mark, the HTML prescan of
// golang.org/x/net/html/charset.DetermineEncoding, a <meta charset> found
// later in the head. Bytes that are valid UTF-8 are read as UTF-8 whatever
// the declaration says, because a wrong declaration is far more common than
// a legacy page that happens to be valid UTF-8. Invalid sequences left after
// decoding are replaced by U+FFFD. Empty input decodes to "" without error;
// input that looks binary returns ErrBinary.
func DecodeHTML(raw []byte) (string, string, error) {
	if len(raw) == 0 {
		return "", "utf-8", nil
	}
	if looksBinary(raw) {
		return "", "", ErrBinary
	}
	enc, name, certain := charset.DetermineEncoding(raw, "")
	if !certain {
		switch {
		case utf8.Valid(raw):
			return strings.TrimPrefix(string(raw), "\uFEFF"), "utf-8", nil
		default:
			head := raw
			if len(head) > sniffLen {
				head = head[:sniffLen]
			}
			if m := rxMetaCharset.FindSubmatch(head); m != nil {
				if e, n := charset.Lookup(string(m[1])); e != nil && n != "utf-8" {
					enc, name = e, n
				}
			}
		}
	}
	if name == "utf-8" {
		return strings.ToValidUTF8(strings.TrimPrefix(string(raw), "\uFEFF"), "\uFFFD"), name, nil
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		// Decoders replace bad input rather than fail; an error here is a
		// transformer fault, so fall back to a lossy UTF-8 reading.
		return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8", nil
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	return strings.ToValidUTF8(string(out), "\uFFFD"), name, nil
}

// looksBinary reports whether the first bytes of b contain NUL bytes or a
// large share of control characters. UTF-16 pages start with a byte-order
// mark and are not binary.
func looksBinary(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) {
		return false
	}
	if len(b) > 4096 {
		b = b[:4096]
	}
	ctrl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctrl++
		}
	}
	return ctrl*10 > len(b)
}
