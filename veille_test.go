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
