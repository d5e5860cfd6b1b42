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
		summary: "run the main job on the sample corpus the project ships: ingest samples/pages into the store and list what was found",
		run:     runDemo,
	})
}

func runDemo(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	samples := fs.String("samples", "samples/pages", "the sample corpus directory")
	full := fs.Bool("full", false, "print every article in full")
	if _, code := parseArgs(env, c, fs, args, nil, 0, 0); code >= 0 {
		return code
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
	if code := runIngest(ctx, env, lookup("ingest"), ingestArgs); code != ExitOK {
		return code
	}
	fmt.Fprintf(env.Stdout, "\n== veille articles (id, published, language, site, title)\n")
	if code := runArticles(ctx, env, lookup("articles"), listArgs); code != ExitOK {
		return code
	}
	entArgs := []string{"--format", "text", "--limit", "15"}
	if *db != "" {
		entArgs = append(entArgs, "--db", *db)
	}
	fmt.Fprintf(env.Stdout, "\n== veille entities --limit 15 (the most reported entities, variants merged)\n")
	if code := runEntities(ctx, env, lookup("entities"), entArgs); code != ExitOK {
		return code
	}
	tlArgs := []string{"--format", "text", "--entity", "Burkina Faso", "--with", "Russie"}
	if *db != "" {
		tlArgs = append(tlArgs, "--db", *db)
	}
	fmt.Fprintf(env.Stdout, "\n== veille timeline --entity \"Burkina Faso\" --with Russie (each event once, with every article that reports it)\n")
	if code := runTimeline(ctx, env, lookup("timeline"), tlArgs); code != ExitOK {
		return code
	}
	stArgs := []string{"--format", "text", "--min-articles", "2"}
	if *db != "" {
		stArgs = append(stArgs, "--db", *db)
	}
	fmt.Fprintf(env.Stdout, "\n== veille stories --min-articles 2 (the stories several articles tell: id, dates, articles, sites, label)\n")
	return runStories(ctx, env, lookup("stories"), stArgs)
}
