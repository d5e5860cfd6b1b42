// Package samples_test checks the sample corpus shipped in this directory:
// expected.json parses and describes exactly the files present, and every
// page is valid in the character encoding it declares. It only reads files.
package samples_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veille-news/veille"
)

// expectation is the human truth for one sample page (see README.md).
type expectation struct {
	Site           string      `json:"site"`
	Encoding       string      `json:"encoding"`
	Language       string      `json:"language"`
	Title          string      `json:"title"`
	Authors        []string    `json:"authors"`
	Published      veille.Date `json:"published"`
	Updated        veille.Date `json:"updated"`
	BodyFirstWords string      `json:"body_first_words"`
	BodyLastWords  string      `json:"body_last_words"`
	NotInBody      []string    `json:"not_in_body"`
	Event          string      `json:"event"`
	CopyOf         string      `json:"copy_of"`
}

// notSamples are the files of this directory that are not sample pages.
var notSamples = []string{"README.md", "expected.json", "samples_test.go"}

func loadExpected(t *testing.T) map[string]expectation {
	t.Helper()
	b, err := os.ReadFile("expected.json")
	if err != nil {
		t.Fatalf("read expected.json: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var exp map[string]expectation
	if err := dec.Decode(&exp); err != nil {
		t.Fatalf("parse expected.json: %v", err)
	}
	return exp
}

func TestExpectedParses(t *testing.T) {
	exp := loadExpected(t)
	for name, e := range exp {
		switch {
		case e.Site == "" || e.Title == "" || e.Event == "":
			t.Errorf("%s: site, title and event are required", name)
		case e.Authors == nil:
			t.Errorf("%s: authors must be an array, possibly empty", name)
		case e.Language != "fr" && e.Language != "en":
			t.Errorf("%s: language %q, want fr or en", name, e.Language)
		case len(strings.Fields(e.BodyFirstWords)) != 8 || len(strings.Fields(e.BodyLastWords)) != 8:
			t.Errorf("%s: body_first_words and body_last_words must hold 8 words each", name)
		case len(e.NotInBody) < 2 || len(e.NotInBody) > 3:
			t.Errorf("%s: not_in_body has %d strings, want 2 or 3", name, len(e.NotInBody))
		case e.CopyOf != "" && exp[e.CopyOf].Title == "":
			t.Errorf("%s: copy_of names %q, which is not a sample", name, e.CopyOf)
		}
	}
}

func TestExpectedListsEveryFile(t *testing.T) {
	exp := loadExpected(t)
	entries, err := os.ReadDir("pages")
	if err != nil {
		t.Fatalf("read samples directory: %v", err)
	}
	present := map[string]bool{}
	for _, e := range entries {
		if slices.Contains(notSamples, e.Name()) {
			continue
		}
		present[e.Name()] = true
		if _, ok := exp[e.Name()]; !ok {
			t.Errorf("%s is in the folder but not in expected.json", e.Name())
		}
	}
	for name := range exp {
		if !present[name] {
			t.Errorf("%s is in expected.json but not in the folder", name)
		}
	}
}

// metaCharset finds the charset an HTML page declares, in either
// <meta charset="..."> or the http-equiv Content-Type form.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*charset\s*=\s*["']?([a-z0-9_-]+)`)

// cp1252Undefined are the byte values windows-1252 leaves unassigned.
var cp1252Undefined = []byte{0x81, 0x8d, 0x8f, 0x90, 0x9d}

func readSample(name string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join("pages", name))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if filepath.Ext(name) != ".gz" {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	defer zr.Close()
	b, err = io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	return b, nil
}

func TestEncodings(t *testing.T) {
	for name, e := range loadExpected(t) {
		t.Run(name, func(t *testing.T) {
			b, err := readSample(name)
			if err != nil {
				t.Fatal(err)
			}
			declared := "utf-8"
			if strings.Contains(name, ".html") {
				m := metaCharset.FindSubmatch(b)
				if m == nil {
					t.Fatal("HTML page declares no charset")
				}
				declared = strings.ToLower(string(m[1]))
			}
			if declared != e.Encoding {
				t.Fatalf("page declares %q, expected.json says %q", declared, e.Encoding)
			}
			if bytes.IndexByte(b, 0) >= 0 {
				t.Error("page contains a NUL byte")
			}
			switch declared {
			case "utf-8":
				if !utf8.Valid(b) {
					t.Error("page is not valid UTF-8")
				}
			case "windows-1252":
				for i, c := range b {
					if bytes.IndexByte(cp1252Undefined, c) >= 0 {
						t.Errorf("byte %#x at %d is undefined in windows-1252", c, i)
						break
					}
				}
				if utf8.Valid(b) {
					t.Error("page is valid UTF-8: its accents are not windows-1252 bytes")
				}
			default:
				t.Errorf("unexpected encoding %q", declared)
			}
		})
	}
}
