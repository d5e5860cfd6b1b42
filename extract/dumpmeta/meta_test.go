package dumpmeta

import (
	"slices"
	"strings"
	"testing"
)

// Paragraphs for synthetic dumps: long enough to read as prose.
const (
	p1 = "Les ministres de la Défense des deux pays se sont réunis pendant deux jours pour examiner la mise en œuvre des accords signés l'an dernier, selon un communiqué officiel."
	p2 = "La coopération porte sur la formation des troupes, la fourniture d'équipements et le renseignement, a précisé le porte-parole du gouvernement à la presse nationale."
	p3 = "Les observateurs estiment que ce rapprochement modifie l'équilibre régional et suscite des inquiétudes chez plusieurs partenaires occidentaux de la région du Sahel."
)

// bodyRegion estimates the body of a test dump the simple way: from the
// first prose line followed by another prose line within three non-blank
// lines, to the last prose line of that run.
func bodyRegion(lines []string) (int, int) {
	long := func(s string) bool {
		s = strings.TrimSpace(s)
		return len(s) >= 100 && strings.Contains(s, ".") && !strings.HasPrefix(s, "•")
	}
	start := -1
	for i := range lines {
		if !long(lines[i]) {
			continue
		}
		seen := 0
		for j := i + 1; j < len(lines) && seen < 3; j++ {
			if strings.TrimSpace(lines[j]) == "" {
				continue
			}
			seen++
			if long(lines[j]) {
				start = i
				break
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		return 0, 0
	}
	end, short := start+1, 0
	for i := start + 1; i < len(lines) && short < 3; i++ {
		switch {
		case strings.TrimSpace(lines[i]) == "":
		case long(lines[i]):
			end, short = i+1, 0
		default:
			short++
		}
	}
	return start, end
}

func TestFind(t *testing.T) {
	tests := []struct {
		name       string
		dump       string
		title      string
		authors    []string
		published  string
		from       string
		updated    string
		tags, cats []string
		consumed   []string // texts of lines that must be consumed
	}{
		{
			name: "title, byline, labelled date with time",
			dump: "• Accueil\n• Politique\n• Sport\n\nLe Mali et la Russie signent un accord de défense\n\nPar Jean-Baptiste Ouédraogo\nPublié le 3 mars 2024 à 10h15\n\n" +
				p1 + "\n\n" + p2 + "\n\n" + p3 + "\n",
			title:     "Le Mali et la Russie signent un accord de défense",
			authors:   []string{"Jean-Baptiste Ouédraogo"},
			published: "2024-03-03T10:15", from: FromLabel,
			consumed: []string{"Le Mali et la Russie signent un accord de défense", "Par Jean-Baptiste Ouédraogo", "Publié le 3 mars 2024 à 10h15"},
		},
		{
			name: "empty publication label gives no date; prose dates are not publication dates",
			dump: "spot_img\n\nCoopération militaire : des instructeurs arrivent à Bamako\n\nPublié le : \n\n" +
				"Des instructeurs sont arrivés cette semaine au Mali, dans le cadre du renforcement de la coopération militaire entre les deux armées.\n\nPar Awa Traoré\n\n" +
				p1 + "\n\nPar ailleurs, le 28 décembre 2023, la Russie a rouvert son ambassade après une longue fermeture de plusieurs décennies, selon la presse.\n\n" + p2 + "\n",
			title:    "Coopération militaire : des instructeurs arrivent à Bamako",
			authors:  []string{"Awa Traoré"},
			consumed: []string{"Publié le :", "Par Awa Traoré"},
		},
		{
			name: "ticker dates above, byline line with categories and views",
			dump: "Breaking News\n  • Sahel : un convoi attaqué près de la frontière nigérienne   |   29 Aug 2025\n\n  • Niger : la junte annonce un remaniement   |   29 Aug 2025\n\n \n" +
				"Rencontre diplomatique à Ouagadougou\n\nMarie Kaboré 12 Jan 2024 Burkina Faso, Russie, Sécurité 1 204 vues\n\n" +
				p1 + "\n\n" + p2 + "\n\nMots-clés : Burkina Faso, Russie, défense\n\nArticles similaires\n\nUn autre titre sur le même sujet\n\nPaul Zongo 28 Aug 2025\n",
			title:     "Rencontre diplomatique à Ouagadougou",
			authors:   []string{"Marie Kaboré"},
			published: "2024-01-12", from: FromByline,
			tags:     []string{"Burkina Faso", "Russie", "défense"},
			cats:     []string{"Burkina Faso", "Russie", "Sécurité"},
			consumed: []string{"Rencontre diplomatique à Ouagadougou", "Marie Kaboré 12 Jan 2024 Burkina Faso, Russie, Sécurité 1 204 vues", "Mots-clés : Burkina Faso, Russie, défense"},
		},
		{
			name: "last-updated date only: updated set, published zero",
			dump: "© MonSite. 2024.\nActualitésAfrique\n\nLes ministres de l'AES à Moscou : vers de nouveaux partenariats ?\n\nKoffi24\nDernière mise à jour: 3 avril 2025 11h51\nKoffi24\nPartager\n2 mn(s) de lecture\n\n" +
				p1 + "\n\n" + p2 + "\n\nEn continu\n\nUn titre récent dans la colonne\n\n25 juillet 2024\n",
			title:    "Les ministres de l'AES à Moscou : vers de nouveaux partenariats ?",
			authors:  []string{"Koffi24"},
			updated:  "2025-04-03T11:51",
			cats:     []string{"Actualités", "Afrique"},
			consumed: []string{"ActualitésAfrique", "Koffi24", "Dernière mise à jour: 3 avril 2025 11h51", "Partager", "2 mn(s) de lecture"},
		},
		{
			name:      "published and updated on one line",
			dump:      "Niamey restreint la délivrance de visas européens\n\nPublié le 3 mars 2024, mis à jour le 4 mars 2024 à 18:05\n\n" + p1 + "\n\n" + p2 + "\n",
			title:     "Niamey restreint la délivrance de visas européens",
			published: "2024-03-03", from: FromLabel,
			updated:  "2024-03-04T18:05",
			consumed: []string{"Publié le 3 mars 2024, mis à jour le 4 mars 2024 à 18:05"},
		},
		{
			name:      "month-precision label",
			dump:      " date 2023-10 Publicité\n\n" + p1 + "\n\n" + p2 + "\n",
			published: "2023-10", from: FromLabel,
			consumed: []string{"date 2023-10 Publicité"},
		},
		{
			name:      "dateline opening the body",
			dump:      "Menu\n\nLe président reçoit une délégation russe au palais\n\nOUAGADOUGOU, 5 mars 2024 (AIB) – " + p1 + "\n\n" + p2 + "\n",
			title:     "Le président reçoit une délégation russe au palais",
			published: "2024-03-05", from: FromText,
		},
		{
			name: "relative expressions only",
			dump: "ce samedi matin à Ouagadougou, le Capitaine a accueilli une délégation de la hiérarchie militaire russe, dans la continuité des discussions de juillet 2023.\nUne rencontre de haut niveau\n" + p2 + "\n" + p3 + "\n",
		},
		{
			name: "English byline and label",
			dump: "Home\n\nRussia and Mali sign a defence agreement\n\nBy John Smith and Jane Doe\nPublished March 5, 2024 at 3:04 pm\n\n" +
				"The defence ministers of both countries met for two days to review the agreements signed last year, according to an official statement released on Tuesday.\n\n" +
				"Cooperation covers training, equipment and intelligence, a government spokesman told reporters in the capital, adding that details would follow.\n",
			title:     "Russia and Mali sign a defence agreement",
			authors:   []string{"John Smith", "Jane Doe"},
			published: "2024-03-05T15:04", from: FromLabel,
		},
		{
			name:      "breadcrumb and title repeated twice",
			dump:      "Accueil > Afrique > Politique\n\nWagner quitte le Mali, Africa Corps prend le relais\n\nWagner quitte le Mali, Africa Corps prend le relais\n\nPar Moussa Keïta | 12 juin 2025\n\n" + p1 + "\n\n" + p2 + "\n\nTags: Wagner, Africa Corps, Mali\n",
			title:     "Wagner quitte le Mali, Africa Corps prend le relais",
			authors:   []string{"Moussa Keïta"},
			published: "2025-06-12", from: FromByline,
			tags:     []string{"Wagner", "Africa Corps", "Mali"},
			cats:     []string{"Afrique", "Politique"},
			consumed: []string{"Accueil > Afrique > Politique", "Par Moussa Keïta | 12 juin 2025", "Tags: Wagner, Africa Corps, Mali"},
		},
		{
			name: "keywords without separators are grouped by the page's own names",
			dump: "Le Burkina Faso et la Russie renforcent leurs liens\n\nAdama Ouédraogo 02 Sep 2023 Burkina Faso, Politique\n\n" +
				"Le capitaine Ibrahim Traoré a reçu une délégation conduite par le vice-ministre, à Ouagadougou, pour examiner la coopération militaire et technique.\n\n" + p2 + "\n\n" +
				"burkina faso ibrahim traoré russie 2023-09-02\nMots clés burkina faso ibrahim traoré russie\nFacebook Twitter Email\n",
			title:     "Le Burkina Faso et la Russie renforcent leurs liens",
			authors:   []string{"Adama Ouédraogo"},
			published: "2023-09-02", from: FromByline,
			tags:     []string{"burkina faso", "ibrahim traoré", "russie"},
			cats:     []string{"Burkina Faso", "Politique"},
			consumed: []string{"burkina faso ibrahim traoré russie 2023-09-02", "Mots clés burkina faso ibrahim traoré russie"},
		},
		{
			name:  "keywords as a list under a label",
			dump:  "Titre de l'article sur la sécurité au Sahel\n\n" + p1 + "\n\n" + p2 + "\n\nMots-clés :\n  • Sahel\n  • Sécurité\n  • AES\n\nLaisser un commentaire\n",
			title: "Titre de l'article sur la sécurité au Sahel",
			tags:  []string{"Sahel", "Sécurité", "AES"},
		},
		{
			name:      "label and value on two lines, signature at the end",
			dump:      "Niger : la transition annonce un calendrier électoral\n\nPublié le :\n14 novembre 2024\n\n" + p1 + "\n\n" + p2 + "\n\nPar Ibrahim Maïga\n",
			title:     "Niger : la transition annonce un calendrier électoral",
			authors:   []string{"Ibrahim Maïga"},
			published: "2024-11-14", from: FromLabel,
			consumed: []string{"Publié le :", "14 novembre 2024", "Par Ibrahim Maïga"},
		},
		{
			name:      "go-dateparser reads what FindDates does not: a value under a label, a dotted time",
			dump:      "Le Niger suspend la délivrance de visas\n\nPublié le :\n05-Mar-2024\nMis à jour le 6 mars 2024 10.15\n\n" + p1 + "\n\n" + p2 + "\n",
			title:     "Le Niger suspend la délivrance de visas",
			published: "2024-03-05", from: FromLabel,
			updated:  "2024-03-06T10:15",
			consumed: []string{"Publié le :", "05-Mar-2024", "Mis à jour le 6 mars 2024 10.15"},
		},
		{
			name:     "relative time is metadata but no date",
			dump:     "Le gouvernement adopte un nouveau code minier\n\nIl y a 3 heures\n\n" + p1 + "\n\n" + p2 + "\n",
			title:    "Le gouvernement adopte un nouveau code minier",
			consumed: []string{"Il y a 3 heures"},
		},
		{
			name:      "name with a descriptor, date after a bar; labelled categories",
			dump:      "Le gouvernement adopte un nouveau code minier\nJean Dupont, envoyé spécial à Bamako | 5 mars 2024\n\n" + p1 + "\n\n" + p2 + "\n\nCatégorie : Économie, Mines\n",
			title:     "Le gouvernement adopte un nouveau code minier",
			authors:   []string{"Jean Dupont"},
			published: "2024-03-05", from: FromByline,
			cats:     []string{"Économie", "Mines"},
			consumed: []string{"Jean Dupont, envoyé spécial à Bamako | 5 mars 2024", "Catégorie : Économie, Mines"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.Split(tt.dump, "\n")
			s, e := bodyRegion(lines)
			for _, region := range [][2]int{{s, e}, {0, 0}} {
				m := Find(lines, region[0], region[1])
				where := "region"
				if region == [2]int{0, 0} {
					where = "unknown region"
				}
				if m.Title != tt.title {
					t.Errorf("%s: title = %q, want %q", where, m.Title, tt.title)
				}
				if !slices.Equal(m.Authors, tt.authors) {
					t.Errorf("%s: authors = %q, want %q", where, m.Authors, tt.authors)
				}
				if m.Published.String() != tt.published || m.PublishedFrom != tt.from {
					t.Errorf("%s: published = %q from %q, want %q from %q", where, m.Published, m.PublishedFrom, tt.published, tt.from)
				}
				if m.Updated.String() != tt.updated {
					t.Errorf("%s: updated = %q, want %q", where, m.Updated, tt.updated)
				}
				if !slices.Equal(m.Tags, tt.tags) {
					t.Errorf("%s: tags = %q, want %q", where, m.Tags, tt.tags)
				}
				if !slices.Equal(m.Categories, tt.cats) {
					t.Errorf("%s: categories = %q, want %q", where, m.Categories, tt.cats)
				}
				checkConsumed(t, lines, m.Consumed)
				for _, c := range tt.consumed {
					if !consumedText(lines, m.Consumed, c) {
						t.Errorf("%s: line %q not consumed (consumed %v)", where, c, m.Consumed)
					}
				}
				// Body paragraphs are never consumed.
				for _, i := range m.Consumed {
					if l := strings.TrimSpace(lines[i]); l == p1 || l == p2 || l == p3 {
						t.Errorf("%s: body line %d consumed", where, i)
					}
				}
			}
		})
	}
}

// checkConsumed checks that consumed indices are valid, sorted and unique.
func checkConsumed(t *testing.T, lines []string, consumed []int) {
	t.Helper()
	for k, i := range consumed {
		if i < 0 || i >= len(lines) {
			t.Fatalf("consumed index %d out of range [0,%d)", i, len(lines))
		}
		if k > 0 && consumed[k-1] >= i {
			t.Fatalf("consumed not sorted and unique: %v", consumed)
		}
	}
}

func consumedText(lines []string, consumed []int, text string) bool {
	for _, i := range consumed {
		if strings.TrimSpace(lines[i]) == text {
			return true
		}
	}
	return false
}

func TestFindWrongRegion(t *testing.T) {
	dump := "• Accueil\n• Monde\n\nLe Mali et la Russie signent un accord\n\nPar Jean Dupont\nPublié le 3 mars 2024\n\n" + p1 + "\n\n" + p2 + "\n\n" + p3 + "\n\nArticles récents\n\nUn autre article\n\nPaul Zongo 28 août 2025\n"
	lines := strings.Split(dump, "\n")
	s, e := bodyRegion(lines)
	regions := [][2]int{
		{s - 4, e},                   // starts at the title: header inside the body
		{s + 2, e},                   // starts one paragraph late
		{0, len(lines)},              // everything
		{-3, 2},                      // invalid
		{e, s},                       // reversed
		{len(lines), len(lines) + 5}, // out of range
	}
	for _, r := range regions {
		m := Find(lines, r[0], r[1])
		checkConsumed(t, lines, m.Consumed)
		if m.Published.String() == "2025-08-28" {
			t.Errorf("region %v: took a related-list date as published", r)
		}
	}
	// Header inside the region: still found.
	m := Find(lines, s-4, e)
	if m.Title != "Le Mali et la Russie signent un accord" || m.Published.String() != "2024-03-03" {
		t.Errorf("header inside region: title %q published %q", m.Title, m.Published)
	}
	m = Find(lines, s+2, e)
	if m.Published.String() != "2024-03-03" {
		t.Errorf("late region: published %q", m.Published)
	}
}

func TestFindDegenerate(t *testing.T) {
	inputs := [][]string{
		nil,
		{},
		{""},
		{"   ", "\t"},
		{"\xff\xfe\xfd", "Par \xff\xfe", "Publié le \xff 3 mars 2024"},
		{strings.Repeat("x", 1<<20)},
		{strings.Repeat("Le 3 mars 2024 Par Jean Dupont. ", 50000)},
		{"Mots clés", "•", "• ", "Tags:", "Tags: ,,,;;"},
	}
	for _, in := range inputs {
		m := Find(in, 0, 0)
		checkConsumed(t, in, m.Consumed)
	}
}

func TestAuthorsIn(t *testing.T) {
	tests := []struct {
		in       string
		explicit bool
		want     []string
	}{
		{"Trevor J. Mitchell", false, []string{"Trevor J. Mitchell"}},
		{"Jan Smith and Sam Jones", false, []string{"Jan Smith", "Sam Jones"}},
		{"André-Martin Bado", false, []string{"André-Martin Bado"}},
		{"24Tioté", false, []string{"24Tioté"}},
		{"AFP", false, []string{"AFP"}},
		{"La Rédaction", false, []string{"La Rédaction"}},
		{"Rachael Link, MS, RD", false, []string{"Rachael Link"}},
		{"Sean Martin Sean Martin", false, []string{"Sean Martin"}},
		{"Jean Dupont, envoyé spécial à Bamako", false, []string{"Jean Dupont"}},
		{"Catherine", true, []string{"Catherine"}},
		{"Catherine", false, nil},
		{"Coup D'État Au Niger", false, nil},
		{"Partager", false, nil},
		{"Breaking News", false, nil},
		{"Mardi Matin", false, nil},
		{"05-Mar-2024", false, nil},
		{"", true, nil},
	}
	for _, tt := range tests {
		if got := authorsIn(tt.in, tt.explicit); !slices.Equal(got, tt.want) {
			t.Errorf("authorsIn(%q, %v) = %q, want %q", tt.in, tt.explicit, got, tt.want)
		}
	}
}

func TestSplitCamel(t *testing.T) {
	tests := map[string][]string{
		"ActualitésAfrique": {"Actualités", "Afrique"},
		"Politique":         {"Politique"},
		"McCain":            {"McCain"},
		"iPhone":            {"iPhone"},
		"SociétéÉconomie":   {"Société", "Économie"},
	}
	for in, want := range tests {
		if got := splitCamel(in); !slices.Equal(got, want) {
			t.Errorf("splitCamel(%q) = %q, want %q", in, got, want)
		}
	}
}
