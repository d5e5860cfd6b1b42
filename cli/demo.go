package cli

import (
	"context"
	"fmt"
	"os"
)

func init() {
	register(command{
		name:    "demo",
		args:    "",
		summary: "run the main job on the sample corpus the project ships: ingest samples/ into the store and list what was found",
		run:     runDemo,
	})
}

func runDemo(ctx context.Context, env *Env, args []string) int {
	c := command{name: "demo", summary: "ingest the shipped sample corpus and list what was found"}
	fs := newFlags(env, c)
	db := dbFlag(fs)
	samples := fs.String("samples", "samples/pages", "the sample corpus directory")
	full := fs.Bool("full", false, "print every article in full")
	pos, err := parse(fs, args)
	if code := handleParse(err); code >= 0 {
		return code
	}
	if len(pos) > 0 {
		errorf(env, c.name, "unexpected argument %q", pos[0])
		return ExitUsage
	}
	if _, err := os.Stat(*samples); err != nil {
		errorf(env, c.name, "no sample corpus at %s (run from the repository root, or give --samples)", *samples)
		return ExitUsage
	}
	ingestArgs := []string{*samples}
	listArgs := []string{"--format", "text"}
	if *db != "" {
		ingestArgs = append(ingestArgs, "--db", *db)
		listArgs = append(listArgs, "--db", *db)
	}
	if *full {
		listArgs = append(listArgs, "--full")
	}
	fmt.Fprintf(env.Stdout, "== veille ingest %s\n", *samples)
	if code := runIngest(ctx, env, ingestArgs); code != ExitOK {
		return code
	}
	fmt.Fprintf(env.Stdout, "\n== veille articles (id, published, language, site, title)\n")
	return runArticles(ctx, env, listArgs)
}
