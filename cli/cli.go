// Package cli is veille's command line: it parses arguments, runs the
// pipeline stages and writes their results in the format asked for. It
// holds no extraction or storage logic of its own; cmd/veille only calls
// Main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
)

// Exit statuses. They are part of the command-line contract.
const (
	ExitOK      = 0 // everything given was processed
	ExitFailed  = 1 // a fatal error stopped the command (store, output, internal)
	ExitUsage   = 2 // the command line is wrong
	ExitPartial = 3 // some inputs were bad and reported; the others were processed
)

// Env is what a command runs against: its streams and environment.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// StderrIsTerminal enables progress bars.
	StderrIsTerminal bool
	Getenv           func(string) string
}

// command is one veille subcommand.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, env *Env, c command, args []string) int
}

var commands []command

func register(c command) { commands = append(commands, c) }

// usageError is a command-line mistake: it is printed with a hint and exits
// with ExitUsage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Main runs veille with args (without the program name) and returns the
// exit status.
func Main(ctx context.Context, env *Env, args []string) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			return Main(ctx, env, []string{args[1], "--help"})
		}
		usage(env.Stdout)
		return ExitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(env.Stdout, "veille", Version)
		return ExitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, env, c, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "veille: unknown command %q\nRun 'veille help' for the list of commands.\n", args[0])
	return ExitUsage
}

// Version is the program version, set at build time with
// -ldflags "-X github.com/veille-news/veille/cli.Version=...".
var Version = "dev"

func usage(w io.Writer) {
	fmt.Fprint(w, `veille turns scraped news pages into clean, dated articles.

Usage:
  veille <command> [flags] [arguments]

Commands:
`)
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'veille <command> --help' for a command's flags.

Exit status: 0 all done; 1 fatal error; 2 bad command line;
3 some inputs were bad (each reported on stderr), the rest processed.
`)
}

// newFlags returns a flag set for a command that reports errors as usage
// errors instead of exiting.
func newFlags(env *Env, c command) *flag.FlagSet {
	fs := flag.NewFlagSet("veille "+c.name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: veille %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.args, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may come before, between or after positional
// arguments, and returns the positional ones. "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// lookup returns the registered command called name.
func lookup(name string) command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	panic("cli: no command " + name)
}

// parseArgs parses a command's flags and checks its positional arguments
// (between minPos and maxPos of them; maxPos < 0 for no limit) and, when
// format is not nil, its --format. It returns the positional arguments, or
// the exit status to return at once (code >= 0).
func parseArgs(env *Env, c command, fs *flag.FlagSet, args []string, format *string, minPos, maxPos int) (pos []string, code int) {
	pos, err := parse(fs, args)
	if code := handleParse(err); code >= 0 {
		return nil, code
	}
	switch {
	case maxPos >= 0 && len(pos) > maxPos:
		errorf(env, c.name, "unexpected argument %q", pos[maxPos])
		return nil, ExitUsage
	case len(pos) < minPos:
		if c.args != "" {
			errorf(env, c.name, "missing %s", c.args)
		} else {
			errorf(env, c.name, "missing argument")
		}
		fs.Usage()
		return nil, ExitUsage
	}
	if format != nil {
		if err := checkFormat(*format); err != nil {
			errorf(env, c.name, "%v", err)
			return nil, ExitUsage
		}
	}
	return pos, -1
}

// handleParse turns a flag-parsing error into an exit status, or -1 to go on.
func handleParse(err error) int {
	if err == nil {
		return -1
	}
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	return ExitUsage
}

// logger returns the logger commands use for diagnostics on stderr.
func logger(env *Env, quiet bool) *slog.Logger {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelError
	}
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
}

// formatFlag registers the --format flag every listing command has.
func formatFlag(fs *flag.FlagSet, def string) *string {
	return fs.String("format", def, "output format: text, json or jsonl")
}

func checkFormat(f string) error {
	switch f {
	case "text", "json", "jsonl":
		return nil
	}
	return usageError{fmt.Sprintf("unknown --format %q: want text, json or jsonl", f)}
}

// errorf prints "veille CMD: msg" on stderr.
func errorf(env *Env, cmd, format string, args ...any) {
	fmt.Fprintf(env.Stderr, "veille %s: %s\n", cmd, strings.TrimSpace(fmt.Sprintf(format, args...)))
}
