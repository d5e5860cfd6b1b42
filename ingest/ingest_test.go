package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille"
)

func gz(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFromBytes(t *testing.T) {
	html1252 := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>D\xe9l\xe9gation russe \x96 Ouagadougou</p></body></html>")
	latin1Text := []byte("La d\xe9l\xe9gation est arriv\xe9e \xe0 Bamako.\n")
	bomb := gz(t, bytes.Repeat([]byte("a"), 2<<20))
	tests := []struct {
		name        string
		source      string
		raw         []byte
		wantErr     string // substring of the reason; "" = success
		wantFormat  veille.Format
		wantCharset string
		wantText    string // substring of the decoded text
		wantWarn    string
	}{
		{name: "utf8 text", source: "a.txt", raw: []byte("Délégation russe à Ouagadougou\n"), wantFormat: veille.FormatText, wantCharset: "utf-8", wantText: "Délégation"},
		{name: "utf8 bom", source: "a.txt", raw: []byte("\xef\xbb\xbfÉté"), wantFormat: veille.FormatText, wantCharset: "utf-8", wantText: "Été"},
		{name: "utf16le bom", source: "a.txt", raw: []byte("\xff\xfeE\x00t\x00\xe9\x00"), wantFormat: veille.FormatText, wantCharset: "utf-16le", wantText: "Eté"},
		{name: "declared windows-1252", source: "p.html", raw: html1252, wantFormat: veille.FormatHTML, wantCharset: "windows-1252", wantText: "Délégation russe – Ouagadougou"},
		{name: "undeclared latin-1 text", source: "p.txt", raw: latin1Text, wantFormat: veille.FormatText, wantCharset: "windows-1252", wantText: "arrivée à Bamako"},
		{name: "corrupt utf8 repaired", source: "c.txt", raw: []byte("Traoré a reçu la délégation \xff\xfe hier à Ouaga. Coopération."), wantFormat: veille.FormatText, wantCharset: "utf-8", wantText: "Traoré", wantWarn: "invalid UTF-8"},
		{name: "html sniffed without extension", source: "page", raw: []byte("<!DOCTYPE html><html><body>x</body></html>"), wantFormat: veille.FormatHTML, wantCharset: "utf-8"},
		{name: "gzip html", source: "p.html.gz", raw: gz(t, []byte("<html><body><p>Bonjour</p></body></html>")), wantFormat: veille.FormatHTML, wantCharset: "utf-8", wantText: "Bonjour"},
		{name: "empty", source: "e.txt", raw: nil, wantErr: "empty file"},
		{name: "whitespace only", source: "e.txt", raw: []byte(" \n\t\n"), wantErr: "empty file"},
		{name: "png", source: "x.txt", raw: append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...), wantErr: "binary content (image/png)"},
		{name: "pdf", source: "x.html", raw: []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"), wantErr: "binary content (application/pdf)"},
		{name: "nul bytes", source: "x.txt", raw: []byte("abc\x00\x00\x00def"), wantErr: "binary content"},
		{name: "gzip bomb", source: "b.html.gz", raw: bomb, wantErr: "gzip bomb"},
		{name: "corrupt gzip", source: "b.html.gz", raw: []byte{0x1f, 0x8b, 8, 0, 0, 0}, wantErr: "corrupt gzip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, warns, err := FromBytes(tt.source, tt.raw, Options{MaxSize: 1 << 20})
			if tt.wantErr != "" {
				var ie *Error
				if !errors.As(err, &ie) {
					t.Fatalf("err = %v, want *Error with %q", err, tt.wantErr)
				}
				if !strings.Contains(ie.Reason, tt.wantErr) || ie.Source != tt.source {
					t.Fatalf("error = %q, want reason containing %q", ie.Error(), tt.wantErr)
				}
				if len(tt.raw) > 0 && !bytes.Equal(ie.Raw, tt.raw) {
					t.Errorf("raw bytes not kept on error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != tt.wantFormat || doc.Charset != tt.wantCharset {
				t.Errorf("format/charset = %s/%s, want %s/%s", doc.Format, doc.Charset, tt.wantFormat, tt.wantCharset)
			}
			if !strings.Contains(doc.Text, tt.wantText) {
				t.Errorf("text %q does not contain %q", doc.Text, tt.wantText)
			}
			if len(doc.ID) != 64 {
				t.Errorf("id %q is not a hex sha256", doc.ID)
			}
			gotWarn := ""
			if len(warns) > 0 {
				gotWarn = warns[0].Reason
			}
			if (tt.wantWarn == "") != (gotWarn == "") || !strings.Contains(gotWarn, tt.wantWarn) {
				t.Errorf("warning = %q, want %q", gotWarn, tt.wantWarn)
			}
		})
	}
}

func TestIDIsContentAddress(t *testing.T) {
	page := []byte("<html><body><p>Même contenu</p></body></html>")
	a, _, err := FromBytes("a.html", page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := FromBytes("b.html.gz", gz(t, page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID {
		t.Errorf("same page plain and gzipped got ids %s and %s", a.ID, b.ID)
	}
	if !bytes.Equal(b.Raw, page) {
		t.Errorf("raw of gzipped page is not the decompressed bytes")
	}
}

func TestReadLimits(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("mot "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := Read(context.Background(), big, Options{MaxSize: 100})
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("big file: err = %v, want too large", err)
	}
	_, _, err = Read(context.Background(), filepath.Join(dir, "missing.txt"), Options{})
	if err == nil || !strings.Contains(err.Error(), "unreadable") {
		t.Fatalf("missing file: err = %v", err)
	}
	doc, _, err := Read(context.Background(), "-", Options{Stdin: strings.NewReader("Texte lu sur l'entrée standard.")})
	if err != nil || doc.Source != "-" || !strings.Contains(doc.Text, "entrée") {
		t.Fatalf("stdin: doc=%+v err=%v", doc, err)
	}
	_, _, err = Read(context.Background(), "-", Options{MaxSize: 10, Stdin: strings.NewReader(strings.Repeat("x", 50))})
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("big stdin: err = %v", err)
	}
}

func TestSources(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b/2.txt", "a.html", "b/1.txt", ".hidden/x.txt", "b/.y.txt"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	var errs int
	for s, err := range Sources([]string{dir, filepath.Join(dir, "nope"), "-"}) {
		if err != nil {
			errs++
			continue
		}
		rel, _ := filepath.Rel(dir, s)
		if s == "-" {
			rel = "-"
		}
		got = append(got, rel)
	}
	want := []string{"a.html", "b/1.txt", "b/2.txt", "-"}
	if strings.Join(got, ",") != strings.Join(want, ",") || errs != 1 {
		t.Errorf("sources = %v (errors %d), want %v and 1 error", got, errs, want)
	}
}

func FuzzFromBytes(f *testing.F) {
	f.Add([]byte("<html><meta charset=latin1><p>caf\xe9</p>"), "a.html")
	f.Add([]byte("\x1f\x8b\x08\x00"), "a.gz")
	f.Add([]byte("\xff\xfe\x00"), "a.txt")
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		doc, _, err := FromBytes(name, raw, Options{MaxSize: 1 << 16})
		if err != nil {
			return
		}
		if !utf8Valid(doc.Text) {
			t.Fatalf("decoded text is not valid UTF-8")
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }
