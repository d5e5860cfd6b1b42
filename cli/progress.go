package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress draws a progress bar on a terminal's stderr. It is a no-op when
// stderr is not a terminal or --quiet was given, so piped output stays
// clean.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	on      bool
	label   string
	total   int
	done    int
	last    time.Time
	started time.Time
}

func newProgress(env *Env, quiet bool, label string, total int) *progress {
	return &progress{w: env.Stderr, on: env.StderrIsTerminal && !quiet && total > 1, label: label, total: total, started: time.Now()}
}

// Add advances the bar by n.
func (p *progress) Add(n int) {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if now := time.Now(); now.Sub(p.last) > 100*time.Millisecond || p.done == p.total {
		p.last = now
		p.draw()
	}
}

func (p *progress) draw() {
	const width = 30
	filled := 0
	if p.total > 0 {
		filled = width * p.done / p.total
	}
	rate := float64(p.done) / time.Since(p.started).Seconds()
	fmt.Fprintf(p.w, "\r%s [%s%s] %d/%d %.0f/s ", p.label, strings.Repeat("=", filled), strings.Repeat(" ", width-filled), p.done, p.total, rate)
}

// Interrupt clears the bar's line so a message can be printed.
func (p *progress) Interrupt() {
	if p == nil || !p.on {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
}

// Done clears the bar.
func (p *progress) Done() {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprint(p.w, "\r\033[K")
	p.on = false
}

// Printf prints a line on stderr above the bar.
func (p *progress) Printf(format string, args ...any) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, format, args...)
	if p.on {
		p.draw()
	}
}
