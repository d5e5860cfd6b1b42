package event

// trigger is a way French news states an event: words to find (folded,
// in order, adjacent), the PLOVER type and mode they give, and what the
// sentence must also hold.
type trigger struct {
	words []string
	typ   string
	mode  string
	// needs lists words of which one must be in the sentence ("arrivés"
	// is a deployment only with soldiers, instructors, troops)
	needs []string
	// passive: the source follows "par" ("a été reçu par")
	passive bool
}

// military are the nouns that make an arrival a deployment.
var military = []string{"soldats", "militaires", "troupes", "instructeurs", "mercenaires", "contingent",
	"forces", "paramilitaires", "combattants", "hommes", "elements", "detachement", "unites", "wagner", "africa"}

// triggers are written by hand from French news usage. Forms are folded
// (lower case, no accents). Participles come in their four forms.
var triggers = func() []trigger {
	var out []trigger
	add := func(typ, mode string, needs []string, forms ...string) {
		for _, f := range forms {
			out = append(out, trigger{words: split(f), typ: typ, mode: mode, needs: needs})
		}
	}
	parts := func(stem string) []string {
		return []string{stem, stem + "e", stem + "s", stem + "es"}
	}
	// CONSULT: visits and meetings
	add("CONSULT", "visit", nil, append(parts("rendu"), "visite", "visites", "visite officielle",
		"en visite", "sejourne", "sejournee", "effectue une visite", "effectuera une visite", "se rend", "se rendra", "se rendront")...)
	add("CONSULT", "meeting", nil, append(append(append(append(parts("rencontre"), parts("recu")...), parts("accueilli")...),
		parts("entretenu")...), "s'entretient", "entretien", "entretiens", "audience", "tete-a-tete",
		"recoit", "recevra", "accueille", "rencontrera", "rencontreront")...)
	add("CONSULT", "meeting", nil, append(parts("reuni"), "reunion", "reunions", "discute", "discutent", "echange", "echanges", "consultations")...)
	add("CONSULT", "summit", nil, "participation", "participe", "participera", "participeront", "a participe", "ont participe")
	// AGREE: agreements signed or reached
	add("AGREE", "sign", nil, append(parts("signe"), "signature", "signeront", "signera", "paraphe", "conclu", "conclue")...)
	add("AGREE", "", nil, "convenu", "convenus", "se sont engages", "se sont accordes")
	// AID
	add("AID", "", nil, append(append(append(parts("livre"), parts("fourni")...), parts("offert")...),
		"livraison", "livraisons", "don", "dons", "aide humanitaire", "octroye", "octroyee", "remis")...)
	// MOBILIZE: deployments and arrivals of forces
	add("MOBILIZE", "deploy", military, append(append(append(parts("arrive"), parts("atterri")...), parts("debarque")...),
		"arrivee", "atterrissent", "atterrissage")...)
	add("MOBILIZE", "deploy", nil, append(parts("deploye"), "deploiement", "deploient", "deploiera")...)
	// ASSAULT
	add("ASSAULT", "", nil, append(append(append(append(parts("attaque"), parts("tue")...), parts("bombarde")...),
		parts("assassine")...), "attaques", "frappe", "frappes", "bombardement", "bombardements", "embuscade",
		"attentat", "attentats", "massacre", "lance une offensive", "lancent une offensive")...)
	// COERCE: arrests, expulsions, bans, coups
	add("COERCE", "", nil, append(append(append(parts("arrete"), parts("expulse")...), parts("interpelle")...),
		"suspendu", "suspendue", "interdit", "interdite")...)
	add("COERCE", "coup", nil, append(append(parts("destitue"), parts("renverse")...), "coup d'etat", "putsch")...)
	// SANCTION: reduced relations
	add("SANCTION", "", nil, "sanction", "sanctions", "rompu", "rompt", "rappele son ambassadeur", "rappelle son ambassadeur",
		"retire de", "retirent de", "quitte la", "quittent la", "denonce l'accord", "ferme son ambassade",
		"retrait de la", "retrait du", "retrait de l'")
	// RETREAT
	add("RETREAT", "", nil, "retrait des troupes", "retrait des forces", "se sont retires", "se retirent")
	// SUPPORT: diplomatic support
	add("SUPPORT", "diplomatic", nil, "rouvert son ambassade", "rouvre son ambassade", "reouverture de l'ambassade",
		"ouvert une ambassade", "a reconnu", "soutien", "salue", "a salue", "felicite")
	add("SUPPORT", "appoint", nil, append(append(parts("designe"), parts("nomme")...), "nomination")...)
	// verbal conflict
	add("DISAPPROVE", "", nil, append(append(append(parts("condamne"), parts("denonce")...), parts("critique")...), parts("accuse")...)...)
	add("REJECT", "", nil, append(parts("rejete"), "refuse", "refusent")...)
	add("THREATEN", "", nil, append(parts("menace"), "menacent")...)
	add("DEMAND", "", nil, append(parts("exige"), "reclame", "reclament")...)
	add("PROTEST", "", nil, append(append(parts("manifeste"), parts("defile")...), "manifestation", "manifestations",
		"manifestants", "marche de protestation")...)
	return out
}()

func split(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
			continue
		}
		if s[i] == '\'' && start >= 0 {
			out = append(out, s[start:i+1])
			start = -1
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

func joined(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += " "
		}
		s += w
	}
	return s
}
