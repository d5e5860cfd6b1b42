package htmlpage

import (
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// TrafilaturaOnly runs go-trafilatura alone with its default options and
// returns its body text, the baseline the extraction benchmark compares
// against. A panic inside the library is returned as an error.
func TrafilaturaOnly(html string) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			slog.Debug("htmlpage: recovered trafilatura panic", "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("htmlpage: trafilatura panicked: %v", r)
		}
	}()
	res, err := trafilatura.Extract(strings.NewReader(html), trafilatura.Options{})
	if err != nil {
		return "", fmt.Errorf("htmlpage: trafilatura: %w", err)
	}
	return res.ContentText, nil
}
