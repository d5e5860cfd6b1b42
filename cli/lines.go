package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// badLine marks an input line a command cannot use: eachJSONLine reports
// it and goes on with the next.
type badLine struct{ err error }

func (e badLine) Error() string { return e.err.Error() }
func (e badLine) Unwrap() error { return e.err }

// eachJSONLine reads the JSON lines of env.Stdin, the `veille ner` and
// `veille timex` input, and hands each non-blank one, decoded into a T,
// to do with its line number. A line over maxLine bytes, one that is not a
// JSON object for T (what names the fields expected, for the message), or
// one do rejects with a badLine error is reported on stderr as
// "veille CMD: line N: reason" and counted in bad; the next lines are
// still read. Any other error of do, or ctx ending, stops the reading and
// is returned.
func eachJSONLine[T any](ctx context.Context, env *Env, c command, maxLine int, what string, do func(n int, v T) error) (bad int, err error) {
	in := bufio.NewReaderSize(env.Stdin, 64<<10)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return bad, err
		}
		line, rerr := readLine(in, maxLine)
		if errors.Is(rerr, io.EOF) && len(line) == 0 {
			return bad, nil
		}
		if rerr != nil && !errors.Is(rerr, io.EOF) {
			bad++
			errorf(env, c.name, "line %d: %v", n, rerr)
			continue
		}
		if strings.TrimSpace(line) != "" {
			var v T
			if jerr := json.Unmarshal([]byte(line), &v); jerr != nil {
				bad++
				errorf(env, c.name, "line %d: not a JSON object with %s: %v", n, what, jerr)
			} else if derr := do(n, v); derr != nil {
				var bl badLine
				if !errors.As(derr, &bl) {
					return bad, derr
				}
				bad++
				errorf(env, c.name, "line %d: %v", n, bl)
			}
		}
		if errors.Is(rerr, io.EOF) {
			return bad, nil
		}
	}
}

// linesDone ends a command that read JSON lines with eachJSONLine: it
// closes the output and returns the exit status, ExitFailed (reported on
// stderr) when err or closing failed, ExitPartial when lines were bad.
func linesDone(env *Env, c command, bad int, err error, close func() error) int {
	if err == nil {
		err = close()
	}
	if err != nil {
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
