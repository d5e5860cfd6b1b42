package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
)

func init() {
	register(command{
		name:    "ner",
		args:    "< docs.jsonl",
		summary: `find and link the named entities of texts: reads {"id","text"[,"date"]} lines on stdin`,
		run:     runNER,
	})
}

// nerInput is one line of `veille ner`'s input.
type nerInput struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Date is the text's date (ISO 8601 at any precision), used to tell
	// who held an office then; optional.
	Date string `json:"date"`
}

// nerOutput is one line of `veille ner`'s output.
type nerOutput struct {
	ID       string           `json:"id"`
	Entities []veille.Mention `json:"entities"`
}

// newRecognizer builds the recognizer over the embedded base and model.
func newRecognizer() (*entity.Recognizer, error) {
	m, err := tagger.Default()
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	return entity.New(kb.Default(), m), nil
}

func runNER(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	format := formatFlag(fs, "jsonl")
	maxLine := fs.Int("max-size", 16<<20, "longest input line accepted, in bytes")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	r, err := newRecognizer()
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	out := newLister(env.Stdout, *format, func(w io.Writer, o nerOutput) error {
		fmt.Fprintf(w, "# %s\n", o.ID)
		for _, m := range o.Entities {
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%s\n", m.Start, m.End, m.Type, m.Text, m.Entity, m.Label)
		}
		return nil
	})
	in := bufio.NewReaderSize(env.Stdin, 64<<10)
	bad := 0
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		line, err := readLine(in, *maxLine)
		if errors.Is(err, io.EOF) && len(line) == 0 {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			bad++
			errorf(env, c.name, "line %d: %v", n, err)
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		var doc nerInput
		if jerr := json.Unmarshal([]byte(line), &doc); jerr != nil {
			bad++
			errorf(env, c.name, "line %d: not a JSON object with \"id\" and \"text\": %v", n, jerr)
			continue
		}
		at, derr := veille.ParseDate(doc.Date)
		if derr != nil {
			errorf(env, c.name, "line %d: ignoring date: %v", n, derr)
		}
		ms := r.Recognize(doc.Text, at)
		if ms == nil {
			ms = []veille.Mention{}
		}
		if werr := out.Write(nerOutput{ID: doc.ID, Entities: ms}); werr != nil {
			errorf(env, c.name, "%v", werr)
			return ExitFailed
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if err := out.Close(); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if bad > 0 {
		return ExitPartial
	}
	return ExitOK
}

// errLineTooLong reports an input line over the limit; the rest of the line
// is skipped.
var errLineTooLong = errors.New("line too long (raise --max-size)")

// readLine reads one line without its newline, up to max bytes. A longer
// line is consumed and reported with errLineTooLong. At the end of input
// it returns the last line (if any) with io.EOF.
func readLine(r *bufio.Reader, max int) (string, error) {
	var buf []byte
	over := false
	for {
		chunk, err := r.ReadSlice('\n')
		if !over {
			if len(buf)+len(chunk) > max+1 {
				over, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if over {
			return "", errLineTooLong
		}
		return strings.TrimRight(string(buf), "\r\n"), err
	}
}
