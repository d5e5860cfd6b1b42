package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func hasUTF16BOM(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff)
}

// Decode decodes raw bytes to UTF-8 and names the encoding it used. The
// order is: a byte-order mark; valid UTF-8; for HTML, the charset the page
// declares (meta charset or http-equiv); then Windows-1252, the superset of
// ISO-8859-1 that browsers use for both, when the bytes hold no valid
// multi-byte UTF-8 at all. Bytes that are mostly UTF-8 with a few invalid
// sequences are decoded as UTF-8 with U+FFFD replacements, and the returned
// warning says so. The result is always valid UTF-8.
func Decode(raw []byte, isHTML bool) (text, charsetName, warning string) {
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		raw = raw[3:]
		if utf8.Valid(raw) {
			return string(raw), "utf-8", ""
		}
		return repairUTF8(raw)
	case hasUTF16BOM(raw):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		name := "utf-16le"
		if raw[0] == 0xfe {
			dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
			name = "utf-16be"
		}
		out, err := dec.Bytes(raw)
		if err != nil {
			return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8", "undecodable UTF-16: " + err.Error()
		}
		return strings.ToValidUTF8(string(out), "\uFFFD"), name, ""
	}
	declared := ""
	if isHTML {
		declared = declaredCharset(raw)
	}
	if utf8.Valid(raw) {
		// A page declaring a legacy charset but valid as UTF-8 is almost
		// always UTF-8 mislabelled; pure ASCII decodes the same either way.
		return string(raw), "utf-8", ""
	}
	if declared != "" && declared != "utf-8" {
		if enc, name := lookupEncoding(declared); enc != nil {
			out, err := enc.NewDecoder().Bytes(raw)
			if err == nil {
				return strings.ToValidUTF8(string(out), "\uFFFD"), name, ""
			}
		}
	}
	invalid, multi, _ := countInvalid(raw)
	if multi > 0 && multi >= invalid {
		return repairUTF8(raw)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return repairUTF8(raw)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), "windows-1252", ""
}

// repairUTF8 replaces invalid sequences with U+FFFD and reports where.
func repairUTF8(raw []byte) (string, string, string) {
	invalid, _, first := countInvalid(raw)
	return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8",
		fmt.Sprintf("invalid UTF-8: %d bad byte(s), first at offset %d, replaced with U+FFFD", invalid, first)
}

// declaredCharset returns the charset an HTML page declares in its first
// kilobytes, lower-cased, or "".
func declaredCharset(raw []byte) string {
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	_, name, certain := charset.DetermineEncoding(head, "text/html")
	if !certain && !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return ""
	}
	return strings.ToLower(name)
}

// lookupEncoding maps a charset label to an encoding, treating ISO-8859-1
// and ASCII as Windows-1252 as the HTML standard does.
func lookupEncoding(label string) (encoding.Encoding, string) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	return enc, name
}
