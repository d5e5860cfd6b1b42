package bench

import (
	"context"

	"github.com/veille-news/veille/extract/htmlpage"
)

// TrafilaturaSystem is go-trafilatura alone with its default options, on
// the HTML pages: the baseline.
func TrafilaturaSystem() System {
	return System{Name: "trafilatura", Input: InputHTML, Body: func(ctx context.Context, raw []byte) (string, error) {
		html, _, err := htmlpage.DecodeHTML(raw)
		if err != nil {
			return "", err
		}
		return htmlpage.TrafilaturaOnly(html)
	}}
}

// VeilleHTMLSystem is veille's HTML article extractor, htmlpage.Extract,
// with its default options.
func VeilleHTMLSystem() System {
	return HTMLPageSystem("veille-html", htmlpage.Options{})
}

// HTMLPageSystem runs htmlpage.Extract with the given options under the
// given name, to compare settings.
func HTMLPageSystem(name string, opts htmlpage.Options) System {
	return System{Name: name, Input: InputHTML, Body: func(ctx context.Context, raw []byte) (string, error) {
		html, _, err := htmlpage.DecodeHTML(raw)
		if err != nil {
			return "", err
		}
		a, _, err := htmlpage.Extract(ctx, html, opts)
		if err != nil {
			return "", err
		}
		return a.Text, nil
	}}
}

// KeepAllSystem keeps the whole text dump as the body: the floor any text
// extractor must beat.
func KeepAllSystem() System {
	return System{Name: "keep-all", Input: InputText, Body: func(ctx context.Context, raw []byte) (string, error) {
		return string(raw), nil
	}}
}
