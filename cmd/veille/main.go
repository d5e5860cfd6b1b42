// Command veille turns scraped news pages into clean, dated articles and
// keeps them in an embedded store. See 'veille help'.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/veille-news/veille/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, StderrIsTerminal: isTerminal(os.Stderr)}
	code := cli.Main(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
