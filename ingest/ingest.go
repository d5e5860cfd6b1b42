// Package ingest turns the paths a user gives (files, directories, "-" for
// standard input) into raw documents: bytes read within a size limit, gzip
// decompressed with a bound (no gzip bomb gets through), binary files
// refused, the format sniffed and the text decoded to UTF-8 from whatever
// encoding the page used (UTF-8, UTF-16 with a BOM, a declared HTML charset,
// or the Windows-1252 / ISO-8859-1 legacy encodings common on French sites).
//
// Every bad input becomes an *Error naming the source and the reason, and
// keeps the raw bytes read so far when there are some, so nothing is lost.
package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/veille-news/veille"
)

// DefaultMaxSize is the default limit on a document's size, after
// decompression.
const DefaultMaxSize = 16 << 20

// Options controls how documents are read.
type Options struct {
	// MaxSize is the largest document accepted, in bytes after gzip
	// decompression. Zero means DefaultMaxSize.
	MaxSize int64
	// Stdin is read for the source "-". Nil means os.Stdin.
	Stdin io.Reader
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// Error is a bad input: the source it came from, why it was refused, and the
// raw bytes read from it (nil when none could be read, or when the input was
// over the size limit).
type Error struct {
	Source string
	Reason string
	Raw    []byte
	Err    error
}

// Error formats as "source: reason".
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Source + ": " + e.Reason + ": " + e.Err.Error()
	}
	return e.Source + ": " + e.Reason
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Warning is a problem that did not stop a document from being read, such
// as invalid UTF-8 sequences replaced by U+FFFD.
type Warning struct {
	Source string
	Reason string
}

// String formats as "source: reason".
func (w Warning) String() string { return w.Source + ": " + w.Reason }

// Sources expands paths into the sources to read, in a stable order:
// a file is itself, a directory is every regular file below it (sorted,
// hidden files and directories skipped), "-" is standard input. A path that
// cannot be walked yields an *Error.
func Sources(paths []string) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for _, p := range paths {
			if p == "-" {
				if !yield(p, nil) {
					return
				}
				continue
			}
			st, err := os.Stat(p)
			if err != nil {
				if !yield(p, &Error{Source: p, Reason: "unreadable path", Err: unwrapPath(err)}) {
					return
				}
				continue
			}
			if !st.IsDir() {
				if !yield(p, nil) {
					return
				}
				continue
			}
			var files []string
			var walkErrs []error
			_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					walkErrs = append(walkErrs, &Error{Source: path, Reason: "unreadable path", Err: unwrapPath(err)})
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				name := d.Name()
				if path != p && strings.HasPrefix(name, ".") {
					if d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() {
					files = append(files, path)
				}
				return nil
			})
			sort.Strings(files)
			for _, f := range files {
				if !yield(f, nil) {
					return
				}
			}
			for _, e := range walkErrs {
				if !yield(e.(*Error).Source, e) {
					return
				}
			}
		}
	}
}

// unwrapPath strips the *fs.PathError wrapper, whose path the Error repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Read reads one source into a Document. Bad input returns an *Error. The
// warnings say what was repaired in an input that was still read.
func Read(ctx context.Context, source string, opts Options) (veille.Document, []Warning, error) {
	if err := ctx.Err(); err != nil {
		return veille.Document{}, nil, err
	}
	limit := opts.maxSize()
	var r io.Reader
	if source == "-" {
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(source)
		if err != nil {
			return veille.Document{}, nil, &Error{Source: source, Reason: "unreadable file", Err: unwrapPath(err)}
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return veille.Document{}, nil, &Error{Source: source, Reason: "unreadable file", Err: unwrapPath(err)}
		}
		if st.IsDir() {
			return veille.Document{}, nil, &Error{Source: source, Reason: "is a directory"}
		}
		if st.Size() > limit && !isGzipName(source) {
			return veille.Document{}, nil, &Error{Source: source, Reason: fmt.Sprintf("file too large: %d bytes, limit %d (raise it with --max-size)", st.Size(), limit)}
		}
		r = f
	}
	raw, err := readLimited(r, limit)
	if err != nil {
		return veille.Document{}, nil, &Error{Source: source, Reason: "read failed", Err: err}
	}
	if int64(len(raw)) > limit {
		return veille.Document{}, nil, &Error{Source: source, Reason: fmt.Sprintf("input too large: over %d bytes (raise it with --max-size)", limit)}
	}
	return FromBytes(source, raw, opts)
}

// FromBytes makes a Document of bytes already read from source: gzip is
// decompressed within the size limit, binary content refused, the format
// sniffed and the text decoded.
func FromBytes(source string, raw []byte, opts Options) (veille.Document, []Warning, error) {
	limit := opts.maxSize()
	if isGzip(raw) {
		out, err := gunzip(raw, limit)
		if err != nil {
			return veille.Document{}, nil, &Error{Source: source, Reason: err.Error(), Raw: raw}
		}
		raw = out
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return veille.Document{}, nil, &Error{Source: source, Reason: "empty file", Raw: raw}
	}
	if kind, ok := binaryKind(raw); ok {
		return veille.Document{}, nil, &Error{Source: source, Reason: "binary content (" + kind + "), not a page", Raw: raw}
	}
	format := sniffFormat(source, raw)
	text, cs, warn := Decode(raw, format == veille.FormatHTML)
	var warnings []Warning
	if warn != "" {
		warnings = append(warnings, Warning{Source: source, Reason: warn})
	}
	sum := sha256.Sum256(raw)
	doc := veille.Document{
		Source:  source,
		ID:      hex.EncodeToString(sum[:]),
		Raw:     raw,
		Format:  format,
		Charset: cs,
		Text:    text,
	}
	if strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
		doc.URL = source
	}
	return doc, warnings, nil
}

// readLimited reads at most limit+1 bytes so the caller can tell an input
// over the limit without reading all of it.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	return io.ReadAll(io.LimitReader(r, limit+1))
}

func isGzipName(name string) bool {
	return strings.HasSuffix(strings.ToLower(name), ".gz")
}

func isGzip(b []byte) bool {
	return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b
}

// gunzip decompresses b, refusing output over limit bytes: a gzip bomb costs
// at most limit bytes of memory.
func gunzip(b []byte, limit int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("corrupt gzip: %w", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("corrupt gzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("gzip expands beyond %d bytes (gzip bomb?); raise --max-size if it is genuine", limit)
	}
	return out, nil
}

// binaryKind reports whether b is binary rather than text, and what it looks
// like. Text in UTF-16 (with a BOM) is not binary.
func binaryKind(b []byte) (string, bool) {
	if hasUTF16BOM(b) {
		return "", false
	}
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	ct := http.DetectContentType(head)
	switch {
	case strings.HasPrefix(ct, "text/"), ct == "application/json", strings.HasSuffix(ct, "+xml"), ct == "application/xml":
	case ct == "application/octet-stream":
	default:
		return ct, true
	}
	// Control characters other than whitespace, form feed and escape are
	// rare in text and common in binary files.
	ctrl := 0
	for _, c := range head {
		if c == 0 {
			return "NUL bytes", true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctrl++
		}
	}
	if ctrl*100 > len(head) {
		return "control bytes", true
	}
	return "", false
}

// sniffFormat decides between HTML and text from the file name and content.
func sniffFormat(source string, raw []byte) veille.Format {
	name := strings.ToLower(strings.TrimSuffix(strings.ToLower(source), ".gz"))
	switch filepath.Ext(name) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return veille.FormatHTML
	case ".txt", ".text", ".md":
		return veille.FormatText
	}
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	l := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<!--"} {
		if bytes.HasPrefix(l, []byte(p)) {
			return veille.FormatHTML
		}
	}
	if bytes.Contains(l, []byte("<html")) || bytes.Contains(l, []byte("<body")) || bytes.Contains(l, []byte("<p>")) && bytes.Contains(l, []byte("</p>")) {
		return veille.FormatHTML
	}
	return veille.FormatText
}

// countInvalid counts invalid UTF-8 sequences and valid multi-byte runes.
func countInvalid(b []byte) (invalid, multi int, firstBad int) {
	firstBad = -1
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if firstBad < 0 {
				firstBad = i
			}
			invalid++
			i++
			continue
		}
		multi++
		i += size
	}
	return invalid, multi, firstBad
}
