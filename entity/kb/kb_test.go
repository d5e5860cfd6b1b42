package kb

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/veille-news/veille"
)

func ids(es []Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ibrahim Traoré", "ibrahim traore"},
		{"Capitaine Ibrahim TRAORE", "ibrahim traore"},
		{"le Capitaine Ibrahim TRAORE ,", "ibrahim traore"},
		{"Président TRAORE", "traore"},
		{"Colonel Major Kassoum Coulibaly", "kassoum coulibaly"},
		{"Colonel-major Kassoum COULIBALY", "kassoum coulibaly"},
		{"la Fédération de Russie", "federation de russie"},
		{"Côte d’Ivoire", "cote d ivoire"},
		{"Côte d'Ivoire", "cote d ivoire"},
		{"U.S.A.", "usa"},
		{"Bobo-Dioulasso", "bobo dioulasso"},
		{"  Œuvre  ", "oeuvre"},
		{"l'Alliance des États du Sahel", "alliance des etats du sahel"},
		{"M. Sergueï Lavrov", "serguei lavrov"},
		{"SEM Alassane Ouattara", "alassane ouattara"},
		{"Président", "president"}, // a title alone stays
		{"Москва", "москва"},
		{"", ""},
		{"!!! ,,, ...", ""},
		{"\xff\xfeRussie\x00", "russie"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	k := Default()
	tests := []struct {
		name string
		want string // an id the result must contain
		only bool   // the result must be exactly [want]
	}{
		// The variants of the issue.
		{"Ibrahim Traoré", "per:ibrahim-traore", true},
		{"Capitaine Ibrahim TRAORE", "per:ibrahim-traore", true},
		{"Président TRAORE", "per:ibrahim-traore", false},
		{"TRAORE", "per:karamoko-jean-marie-traore", false},
		{"Ibrahima Traore", "per:ibrahim-traore", true},
		{"Colonel Major Kassoum Coulibaly", "per:kassoum-coulibaly", true},
		{"Colonel-major Kassoum COULIBALY", "per:kassoum-coulibaly", true},
		{"la Fédération de Russie", "Q159", true},
		{"Russie", "Q159", true},
		{"Russia", "Q159", true},
		{"Moscou", "Q649", true},
		// Transliterations and press spellings.
		{"Vladimir Poutine", "Q7747", true},
		{"Putin", "Q7747", true},
		{"Choïgou", "per:sergei-choigou", true},
		{"Sergei Shoigu", "per:sergei-choigou", true},
		{"Prigozhin", "per:evgueni-prigojine", true},
		{"Evgueni Prigojine", "per:evgueni-prigojine", true},
		{"Yevkurov", "per:iounous-bek-evkourov", true},
		{"Iounous-Bek Ievkourov", "per:iounous-bek-evkourov", true},
		{"Assimi Goita", "per:assimi-goita", true},
		{"Abdourahamane Tchiani", "per:abdourahamane-tiani", true},
		{"Général Salifou Mody", "per:salifou-mody", true},
		// One typing error in a long name.
		{"Kassoum Koulibaly", "per:kassoum-coulibaly", true},
		{"Bakary Yaou Sangare", "per:bakary-yaou-sangare", true},
		// Organisations, places.
		{"CEDEAO", "org:cedeao", true},
		{"Cédéao", "org:cedeao", true},
		{"ECOWAS", "org:cedeao", true},
		{"l'AES", "org:aes", true},
		{"Confédération des États du Sahel", "org:aes", true},
		{"Alliance des Etats du Sahel", "org:aes", true},
		{"le Kremlin", "org:kremlin", true},
		{"groupe Wagner", "org:wagner", true},
		{"Africa Corps", "org:africa-corps", true},
		{"GSIM", "org:jnim", true},
		{"FAMa", "org:fama", true},
		{"Agence d'Information du Burkina", "org:aib", true},
		{"Bobo Dioulasso", "loc:bobo-dioulasso", true},
		{"Côte d’Ivoire", "Q1008", true},
		{"Ndjamena", "Q3659", true},
		{"zone des trois frontières", "loc:zone-des-trois-frontieres", true},
		{"Saint-Pétersbourg", "loc:saint-petersbourg", true},
		{"Tombouctou", "loc:tombouctou", true},
		{"Timbuktu", "loc:tombouctou", true},
	}
	for _, tt := range tests {
		got := ids(k.Lookup(tt.name))
		if !slices.Contains(got, tt.want) || tt.only && len(got) != 1 {
			t.Errorf("Lookup(%q) = %v, want %s%s", tt.name, got, map[bool]string{true: "only "}[tt.only], tt.want)
		}
	}
	// Surnames alone: every namesake, the more prominent first.
	if got := ids(k.Lookup("Président TRAORE")); len(got) < 2 || got[0] != "per:ibrahim-traore" {
		t.Errorf("Lookup(Président TRAORE) = %v, want Ibrahim Traoré first among namesakes", got)
	}
	for _, name := range []string{"", "Président", "!!!", "xyzzy", "Mali Niger", "\xff\xfe"} {
		if got := k.Lookup(name); len(got) != 0 {
			t.Errorf("Lookup(%q) = %v, want nothing", name, ids(got))
		}
	}
}

func TestMetonyms(t *testing.T) {
	k := Default()
	ru, ok := k.Get("Q159")
	if !ok {
		t.Fatal("Q159 missing")
	}
	moscou := k.Lookup("Moscou")
	if len(moscou) != 1 || moscou[0].ID != ru.Capital || moscou[0].CapitalOf != "Q159" {
		t.Errorf("Moscou = %+v, want the capital of Q159 (%s)", moscou, ru.Capital)
	}
	if id, ok := k.Demonym("russe"); !ok || id != "Q159" {
		t.Errorf("Demonym(russe) = %q %v", id, ok)
	}
	kremlin := k.Lookup("Kremlin")
	if len(kremlin) != 1 || kremlin[0].Type != veille.TypeORG || kremlin[0].Country != "RU" {
		t.Errorf("Kremlin = %+v, want the Russian presidency (ORG, RU)", kremlin)
	}
}

func TestDemonym(t *testing.T) {
	k := Default()
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"russe", "Q159", true}, {"Russes", "Q159", true},
		{"burkinabè", "Q965", true}, {"burkinabé", "Q965", true}, {"Burkinabés", "Q965", true},
		{"burkinabe", "Q965", true},
		{"malien", "Q912", true}, {"malienne", "Q912", true}, {"maliens", "Q912", true}, {"maliennes", "Q912", true},
		{"nigérien", "Q1032", true}, {"nigériens", "Q1032", true}, {"nigérian", "Q1033", true},
		{"français", "Q142", true}, {"françaises", "Q142", true}, {"américain", "Q30", true},
		{"ivoirien", "Q1008", true}, {"tchadienne", "Q657", true}, {"sud-africain", "Q258", true},
		{"congolais", "", false}, // Congo and DR Congo
		{"table", "", false}, {"", "", false}, {"\xff", "", false},
	}
	for _, tt := range tests {
		got, ok := k.Demonym(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Demonym(%q) = %q, %v, want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func date(t *testing.T, s string) veille.Date {
	t.Helper()
	d, err := veille.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestHolderOf(t *testing.T) {
	k := Default()
	tests := []struct {
		title, of, at string
		want          []string
	}{
		{"Président", "Q965", "2023-10-05", []string{"per:ibrahim-traore"}},
		{"Président de la Transition", "Q965", "", []string{"per:ibrahim-traore"}},
		{RoleHeadOfState, "Q965", "2022-06", []string{"per:paul-henri-sandaogo-damiba"}},
		{RoleHeadOfState, "Q965", "2021", []string{"per:roch-marc-christian-kabore"}},
		// The day of the coup, both; the newcomer first.
		{RoleHeadOfState, "Q965", "2022-09-30", []string{"per:ibrahim-traore", "per:paul-henri-sandaogo-damiba"}},
		{"ministre de la Défense", "Q965", "2023-10-05", []string{"per:kassoum-coulibaly"}},
		{RoleDefence, "Q965", "", []string{"per:celestin-simpore"}},
		{RoleHeadOfGovernment, "Q965", "2023", []string{"per:apollinaire-kyelem-de-tambela"}},
		{RoleForeign, "Q965", "2024", []string{"per:karamoko-jean-marie-traore"}},
		{RoleHeadOfState, "Q912", "2022", []string{"per:assimi-goita"}},
		{RoleForeign, "Q912", "2023", []string{"per:abdoulaye-diop"}},
		{RoleDefence, "Q912", "2023", []string{"per:sadio-camara"}},
		{RoleHeadOfState, "Q1032", "2024", []string{"per:abdourahamane-tiani"}},
		{RoleHeadOfState, "Q1032", "2023-07", []string{"per:abdourahamane-tiani", "per:mohamed-bazoum"}},
		{"ministre de la Défense", "Q159", "2024-06", []string{"per:andrei-belooussov"}},
		{"ministre de la Défense", "Q159", "2023", []string{"per:sergei-choigou"}},
		{"ministre des Affaires étrangères", "Q159", "2025", []string{"per:sergei-lavrov"}},
		{RoleHeadOfState, "Q30", "2024", []string{"Q6279"}},
		{RoleHeadOfState, "Q142", "", []string{"Q3052772"}},
		{"chef du groupe Wagner", "org:wagner", "2022", []string{"per:evgueni-prigojine"}},
		{RoleHeadOfState, "Q965", "1990", nil},
		{"", "Q965", "", nil},
		{"Président", "nowhere", "", nil},
	}
	for _, tt := range tests {
		var at veille.Date
		if tt.at != "" {
			at = date(t, tt.at)
		}
		got := ids(k.HolderOf(tt.title, tt.of, at))
		if !slices.Equal(got, tt.want) {
			t.Errorf("HolderOf(%q, %q, %q) = %v, want %v", tt.title, tt.of, tt.at, got, tt.want)
		}
	}
}

func TestCountry(t *testing.T) {
	k := Default()
	for _, code := range []string{"BF", "bf", "BFA", "bfa"} {
		if e, ok := k.Country(code); !ok || e.ID != "Q965" {
			t.Errorf("Country(%q) = %s, %v", code, e.ID, ok)
		}
	}
	if _, ok := k.Country("ZZ"); ok {
		t.Error("Country(ZZ) found")
	}
}

// ambiguousNames reads the names data/src/ambiguous.tsv allows to be
// shared, as Normalize keys.
func ambiguousNames(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("data/src/ambiguous-*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, path := range append([]string{"data/src/ambiguous.tsv"}, files...) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			name, _, _ := strings.Cut(line, "\t")
			out[Normalize(name)] = true
		}
	}
	return out
}

func TestIntegrity(t *testing.T) {
	k, err := Load(embedded)
	if err != nil {
		t.Fatal(err)
	}
	rxQID := regexp.MustCompile(`^Q[0-9]+$`)
	rxSlug := regexp.MustCompile(`^(per|loc|org|misc):[a-z0-9]+(-[a-z0-9]+)*$`)
	types := map[string]bool{veille.TypePER: true, veille.TypeLOC: true, veille.TypeORG: true, veille.TypeMISC: true}
	ambiguous := ambiguousNames(t)
	byKey := map[string][]Entry{}
	counts := map[string]int{}
	countries := 0
	for e := range k.All() {
		counts[e.Type]++
		if strings.HasPrefix(e.ID, "Q") && !rxQID.MatchString(e.ID) || !strings.HasPrefix(e.ID, "Q") && !rxSlug.MatchString(e.ID) {
			t.Errorf("bad id %q", e.ID)
		}
		if !types[e.Type] {
			t.Errorf("%s: bad type %q", e.ID, e.Type)
		}
		if e.Label == "" {
			t.Errorf("%s: no label", e.ID)
		}
		if e.Kind == KindCountry {
			countries++
			if len(e.Country) != 2 || len(e.ISO3) != 3 {
				t.Errorf("%s: codes %q %q", e.ID, e.Country, e.ISO3)
			}
		}
		for _, ref := range []string{e.Capital, e.CapitalOf} {
			if ref != "" {
				if _, ok := k.Get(ref); !ok {
					t.Errorf("%s: unknown reference %q", e.ID, ref)
				}
			}
		}
		if e.Country != "" {
			if _, ok := k.Country(e.Country); !ok {
				t.Errorf("%s: unknown country %q", e.ID, e.Country)
			}
		}
		for _, r := range e.Roles {
			if _, ok := k.Get(r.Of); !ok {
				t.Errorf("%s: role %q of unknown %q", e.ID, r.Title, r.Of)
			}
			if !r.Start.IsZero() && !r.End.IsZero() && upperBound(r.End).Before(lowerBound(r.Start)) {
				t.Errorf("%s: role %q ends before it starts", e.ID, r.Title)
			}
		}
		seen := map[string]bool{}
		for name := range e.names() {
			key := Normalize(name)
			if key == "" {
				t.Errorf("%s: name %q normalises to nothing", e.ID, name)
			}
			if !seen[key] {
				seen[key] = true
				byKey[key] = append(byKey[key], e)
			}
		}
	}
	if countries != 250 {
		t.Errorf("%d countries, want the 250 of the countries file", countries)
	}
	for key, es := range byKey {
		for i := range es {
			for j := i + 1; j < len(es); j++ {
				a, b := es[i], es[j]
				if a.Type != b.Type || ambiguous[key] || a.Capital == b.ID || b.Capital == a.ID {
					continue
				}
				t.Errorf("name %q maps to %s and %s, both %s, and is not listed as ambiguous", key, a.ID, b.ID, a.Type)
			}
		}
	}
	for key := range ambiguous {
		if len(byKey[key]) < 2 {
			t.Errorf("ambiguous.tsv lists %q, which is not shared", key)
		}
	}
	t.Logf("entries: %d (PER %d, LOC %d of which %d countries, ORG %d, MISC %d)",
		k.Len(), counts["PER"], counts["LOC"], countries, counts["ORG"], counts["MISC"])
	if counts["PER"] < 100 || counts["ORG"] < 80 {
		t.Errorf("counts %v: the base lost people or organisations", counts)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, data := range []string{"", "{", `{"entries":[{"id":""}]}`, `{"entries":[{"id":"Q1"},{"id":"Q1"}]}`, "\x00\xff"} {
		if _, err := Load([]byte(data)); err == nil {
			t.Errorf("Load(%q) succeeded", data)
		}
	}
}

func TestBadInput(t *testing.T) {
	k := Default()
	g := k.Gazetteer()
	huge := strings.Repeat("Ouagadougou Burkina Faso Russie ", 350_000) // ~10 MB, one line
	garbage := string([]byte{0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28, 0xe2, 0x82})
	for _, s := range []string{"", huge, garbage, strings.Repeat("\x00", 1000), strings.Repeat("é", 100_000)} {
		_ = Normalize(s)
		_ = k.Lookup(s)
		_, _ = k.Demonym(s)
		_ = k.HolderOf(s, s, veille.Date{})
		_ = g.Find([]string{s, s})
		_, _ = g.Longest([]string{s}, 0)
	}
	// A long text of names, tokenised: every name found, in linear time.
	many := strings.Fields(huge[:len(huge)/10])
	if got := len(g.Find(many)); got != 3*35_000 {
		t.Errorf("Find on %d tokens found %d names, want %d", len(many), got, 3*35_000)
	}
	if _, ok := g.Longest(nil, 3); ok {
		t.Error("Longest out of range matched")
	}
}

func TestGivenNames(t *testing.T) {
	k := Default()
	for _, name := range []string{"Mamadou", "MAMADOU", "Sergueï", "Jean-Pierre", "Fatoumata"} {
		if !k.IsGivenName(name) {
			t.Errorf("IsGivenName(%q) = false", name)
		}
	}
	for _, word := range []string{"Ouagadougou", "Russie", "coopération", ""} {
		if k.IsGivenName(word) {
			t.Errorf("IsGivenName(%q) = true", word)
		}
	}
	if n := len(k.GivenNames()); n < 1000 {
		t.Errorf("%d given names", n)
	}
}
