package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"iter"
)

// lister writes a stream of records in one of the listing formats: "jsonl"
// (one JSON object per line), "json" (one indented JSON array) or "text"
// (what the text function writes for each record).
type lister[T any] struct {
	w      *bufio.Writer
	format string
	text   func(w io.Writer, v T) error
	n      int
}

func newLister[T any](w io.Writer, format string, text func(io.Writer, T) error) *lister[T] {
	return &lister[T]{w: bufio.NewWriterSize(w, 64<<10), format: format, text: text}
}

// Write writes one record.
func (l *lister[T]) Write(v T) error {
	defer func() { l.n++ }()
	switch l.format {
	case "jsonl":
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("encode: %w", err)
		}
		l.w.Write(b)
		return l.w.WriteByte('\n')
	case "json":
		b, err := json.MarshalIndent(v, "  ", "  ")
		if err != nil {
			return fmt.Errorf("encode: %w", err)
		}
		if l.n == 0 {
			l.w.WriteString("[\n  ")
		} else {
			l.w.WriteString(",\n  ")
		}
		_, err = l.w.Write(b)
		return err
	default:
		return l.text(l.w, v)
	}
}

// Flush writes what is buffered, without closing the JSON array.
func (l *lister[T]) Flush() error { return l.w.Flush() }

// Close ends the listing (closing the JSON array) and flushes it.
func (l *lister[T]) Close() error {
	if l.format == "json" {
		if l.n == 0 {
			l.w.WriteString("[]\n")
		} else {
			l.w.WriteString("\n]\n")
		}
	}
	return l.w.Flush()
}

// writeAll writes every record of seq, converted by conv, and closes the
// listing. It returns the command's exit status: ExitFailed, reported on
// stderr, when reading or writing fails.
func writeAll[S, T any](env *Env, c command, out *lister[T], seq iter.Seq2[S, error], conv func(S) T) int {
	for v, err := range seq {
		if err == nil {
			err = out.Write(conv(v))
		}
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
	}
	if err := out.Close(); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}

// same is the identity conversion for writeAll.
func same[T any](v T) T { return v }
