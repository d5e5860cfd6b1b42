package veille

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDateRoundTrip(t *testing.T) {
	tests := []struct {
		in   string
		prec Precision
	}{
		{"2023", PrecisionYear},
		{"2023-10", PrecisionMonth},
		{"2023-09-02", PrecisionDay},
		{"2025-04-03T11:51", PrecisionMinute},
		{"2023-10-07T08:30:12", PrecisionSecond},
	}
	for _, tt := range tests {
		d, err := ParseDate(tt.in)
		if err != nil {
			t.Fatalf("ParseDate(%q): %v", tt.in, err)
		}
		if d.Precision != tt.prec || d.String() != tt.in {
			t.Errorf("ParseDate(%q) = %v at %v, want %v", tt.in, d, d.Precision, tt.prec)
		}
		b, _ := json.Marshal(d)
		var back Date
		if err := json.Unmarshal(b, &back); err != nil || back != d {
			t.Errorf("JSON round trip of %q gave %v (%v)", tt.in, back, err)
		}
	}
	for _, bad := range []string{"hier", "2023-13", "2023-02-30", "23-10-05", "2023-10-05 11:51"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
}

func TestDateZeroIsNull(t *testing.T) {
	a := Article{}
	a.Normalize()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	json.Unmarshal(b, &m)
	if m["published"] != nil || m["updated"] != nil {
		t.Errorf("unknown dates marshal to %v / %v, want null", m["published"], m["updated"])
	}
	for _, k := range []string{"authors", "tags", "categories"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s marshals to %v, want an array", k, m[k])
		}
	}
}

func TestNewDateTruncates(t *testing.T) {
	tm := time.Date(2024, 3, 5, 14, 30, 59, 0, time.UTC)
	if got := NewDate(tm, PrecisionMonth).String(); got != "2024-03" {
		t.Errorf("month = %q", got)
	}
	if got := NewDate(tm, PrecisionMinute); got.Time.Second() != 0 || got.String() != "2024-03-05T14:30" {
		t.Errorf("minute = %q", got)
	}
	if !NewDate(tm, PrecisionNone).IsZero() {
		t.Error("PrecisionNone is not the zero date")
	}
}

func TestSpan(t *testing.T) {
	date := func(s string) Date {
		d, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	utc := func(s string) time.Time {
		v, err := time.Parse("2006-01-02T15:04:05", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	paris := time.FixedZone("Paris", 2*3600)
	tests := []struct {
		name       string
		d          Date
		start, end string
		ok         bool
	}{
		{"unknown", Date{}, "", "", false},
		{"year", date("2023"), "2023-01-01T00:00:00", "2024-01-01T00:00:00", true},
		{"december", date("2023-12"), "2023-12-01T00:00:00", "2024-01-01T00:00:00", true},
		{"leap day", date("2024-02-29"), "2024-02-29T00:00:00", "2024-03-01T00:00:00", true},
		{"minute", date("2025-04-03T11:51"), "2025-04-03T11:51:00", "2025-04-03T11:52:00", true},
		{"second", date("2025-04-03T11:51:07"), "2025-04-03T11:51:07", "2025-04-03T11:51:08", true},
		// A date in another zone covers the period its ISO form names.
		{"zoned day", Date{Time: time.Date(2024, 5, 1, 23, 0, 0, 0, paris), Precision: PrecisionDay},
			"2024-05-01T00:00:00", "2024-05-02T00:00:00", true},
		{"bad precision", Date{Time: time.Now(), Precision: 42}, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, ok := tt.d.Span()
			if ok != tt.ok {
				t.Fatalf("Span ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if !start.Equal(utc(tt.start)) || !end.Equal(utc(tt.end)) {
				t.Errorf("%s.Span() = [%s, %s), want [%s, %s)", tt.d, start, end, tt.start, tt.end)
			}
		})
	}
}

func TestDateCompare(t *testing.T) {
	d := func(s string) Date {
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		a, b string
		want int
	}{
		{"2023-10-05", "2023-10-06", -1},
		{"2023-10-06", "2023-10-05", 1},
		{"2023-10", "2023-10-01", 0}, // both start on 1 October
		{"2023", "2023-02", -1},
		{"2023-10-05", "", -1}, // undated last
		{"", "2023-10-05", 1},
		{"", "", 0},
	}
	for _, tt := range tests {
		if got := d(tt.a).Compare(d(tt.b)); got != tt.want {
			t.Errorf("%q.Compare(%q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
