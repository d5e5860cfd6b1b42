package textdump

import (
	"bytes"
	"strings"
)

// This file holds every word list the package uses, in one place, so that
// the body extractor and the metadata finder (package extract/dumpmeta)
// agree on what counts as a stopword, a UI label, a month or a byline
// marker. All entries are lower case; multi-word entries are matched on a
// line's normalised words (lower case, single spaces, no punctuation).

// Language identifies a stopword list. Stopword density is computed per
// language and the best one is kept, so that a French sentence is measured
// against French function words only and lists do not inflate each other.
type Language uint8

// The stopword languages, as bit positions in stopword masks.
const (
	English Language = iota
	French
	Spanish
	Italian
	German
	Portuguese
	Dutch
	Russian
	Indonesian
	Polish
	Turkish
	Swedish
	Romanian
	numLanguages
)

var stopwordLists = [numLanguages]string{
	English: `a about above after again against all also am an and any are as at be because been before being
		below between both but by can could did do does doing down during each few for from further had has have
		having he her here hers herself him himself his how i if in into is it its itself just me more most my
		myself no nor not now of off on once only or other our ours out over own same she should so some such
		than that the their theirs them themselves then there these they this those through to too under until up
		very was we were what when where which while who whom why will with would you your yours yourself
		said says one two new like may many much who's it's don't didn't he's she's they're we're i'm there's
		that's isn't wasn't can't won't been year years`,
	French: `à a au aux avec ce ces cet cette c ça d dans de des du elle elles en est et été être eux il ils je j
		l la le les leur leurs lui m ma mais me même mes moi mon n ne nos notre nous on ont ou où par pas pour
		qu que qui s sa se ses si son sont sur t ta te tes toi ton tous tout toute toutes tu un une vos votre
		vous y ainsi alors après aussi autre autres avant avait avoir bien car ceux cela celle celles celui
		chez comme depuis deux dont donc encore entre fait faire fois lors lorsque moins peu plus plusieurs
		puis quand sans selon sera seront sous tandis très trop vers était étaient sera ni non aujourd hui
		cependant notamment parce déjà dès contre afin`,
	Spanish: `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas
		ellos en entre era es esa ese eso esta este esto están estaba fue fueron ha han hasta hay la las le les
		lo los más me mi mucho muy ni no nos o otra otro para pero por porque que quien se ser si sin sobre
		su sus también tanto te tiene todo todos tu un una uno unos y ya según sido puede sólo solo cada`,
	Italian: `a ad al alla alle allo agli ai anche che chi ci come con cui da dal dalla dalle degli dei del della
		delle dello di e ed è era erano essere gli ha hanno i il in la le lo loro ma mi molto ne nei nel nella
		nelle noi non o per perché più però quale quando quello questa questo se si sia sono su sua sue suo
		suoi sulla tra tutti tutto un una uno anche ancora già stato stata dopo prima poi così solo`,
	German: `aber als also am an auch auf aus bei bin bis bist da damit dann das dass dem den denn der des die
		dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es für
		gegen hat hatte hier ich ihr ihre im in ist ja jede jedoch kann kein keine mit muss nach nicht noch nur
		ob oder ohne sehr sein seine sich sie sind so über um und uns unter vom von vor war waren was weil wenn
		werden wie wieder wir wird wurde zu zum zur zwischen sowie bereits soll sollen können`,
	Portuguese: `a ao aos as à às até com como da das de do dos e é ela elas ele eles em entre era essa esse esta
		este eu foi foram há isso isto já lhe mais mas me mesmo muito na nas nem no nos não o os ou para pela
		pelas pelo pelos por qual quando que quem se sem seu seus sua suas também te tem um uma uns umas
		ser está estão foi sobre após ainda cada depois onde seja só`,
	Dutch: `aan al als bij dan dat de den der die dit door een en er had heb heeft hem het hij hoe hun ik in is
		je kan maar me met mij na naar niet nog nu of om omdat ons ook op over te tot u uit van voor was wat
		we wel werd wie wij worden zal ze zich zij zijn zo zou`,
	Russian: `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было
		вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь
		опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам
		чтобы без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь
		этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой
		хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо
		свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также`,
	Indonesian: `yang dan di ke dari ini itu dengan untuk tidak ada akan pada juga dalam atau kita kami mereka saya
		kamu dia ia bisa sudah telah karena oleh sebagai jika jangan tetapi namun lebih sangat agar supaya harus
		hanya masih saat setelah sebelum bahwa para pun lagi kepada antara seperti bagi tersebut dapat apa siapa
		mana belum tanpa serta maka hal orang satu dua`,
	Polish: `i w na z do nie się że jest to o jak po a ale od co za przez dla tak już tylko czy jego jej ich ten
		ta te tym tego które który która było był była są być może też oraz lub gdy jeszcze bardzo przy pod
		nad przed bez kiedy także więc tym jako nawet jednak`,
	Turkish: `ve bir bu da de için ile olarak daha çok en ama gibi kadar olan sonra ancak değil her şey ne mi
		o ki ya veya hem ise diye çünkü bu şu onun bunu ile olan oldu olduğu var yok bütün tüm göre önce`,
	Swedish: `och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så
		kan man när år sin ska hon eller nu efter vid mot även också bara här där hade blev detta dessa
		och att skulle kunde`,
	Romanian: `și în la de cu o un pe a ce că nu să din se mai care este sunt au fost pentru ca dar sau dacă
		prin după între fără despre acest această acesta această lui ei lor el ea noi voi cum când unde
		foarte doar încă deja`,
}

// stopwords maps a lower-case word to the bit mask of languages whose
// stopword list contains it; maxStopwordLen is the longest, in bytes.
var stopwords, maxStopwordLen = func() (map[string]uint16, int) {
	m := make(map[string]uint16, 1200)
	n := 0
	for lang, list := range stopwordLists {
		for _, w := range strings.Fields(list) {
			m[w] |= 1 << uint(lang)
			n = max(n, len(w))
		}
	}
	return m, n
}()

// stopwordFirst2 is the set of the first two bytes of the stopwords (the
// first byte and 0 for one-byte words), and stopwordLens the set of their
// lengths by first byte: a cheap test that rules out most other words
// before a map lookup.
var stopwordFirst2, stopwordLens = func() (set [1 << 16 / 64]uint64, lens [256]uint64) {
	for w := range stopwords {
		k := uint16(w[0]) << 8
		if len(w) > 1 {
			k |= uint16(w[1])
		}
		set[k/64] |= 1 << (k % 64)
		lens[w[0]] |= 1 << min(len(w), 63)
	}
	return set, lens
}()

// maybeStopword reports whether w (lower case) may be a stopword: false
// means it is not.
func maybeStopword(w string) bool {
	if w == "" {
		return false
	}
	k := uint16(w[0]) << 8
	if len(w) > 1 {
		k |= uint16(w[1])
	}
	return stopwordFirst2[k/64]&(1<<(k%64)) != 0 && stopwordLens[w[0]]&(1<<min(len(w), 63)) != 0
}

// IsStopword reports whether w (lower case) is a function word in any of
// the supported languages.
func IsStopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

// uiLabels are whole-line labels of page chrome: a line whose normalised
// text equals one of them is boilerplate. They are short on purpose: longer
// phrases go in uiPhrases.
var uiLabels = wordSet(`
	home accueil menu search recherche rechercher suche buscar cerca
	subscribe subscribed unsubscribe abonnez-vous abonnement s'abonner abonner signin login logout
	register inscription connexion "sign in" "sign up" "log in" "log out" "se connecter" "mon compte"
	"my account" account compte profile profil "create account" "créer un compte"
	share shares partager partagez partage compartir condividi teilen compartilhar delen
	tweet email e-mail print imprimer imprimir stampa drucken
	advertisement advertisements advert ad ads publicité pub publicidad pubblicità werbung anzeige
	sponsored sponsorisé "sponsored content" "contenu sponsorisé" "paid content" "paid post" promoted
	"skip to content" "skip to main content" "aller au contenu" "back to top" "retour en haut" "haut de page"
	accept accepter "accept all" "tout accepter" agree "i agree" "j'accepte" ok close fermer dismiss
	next previous suivant précédent précédente suivante "next article" "previous article"
	"article suivant" "article précédent" "load more" "show more" "voir plus" "afficher plus" "see more"
	"read more" "lire la suite" "en savoir plus" "learn more" "continue reading" "lire plus" "more"
	"toggle navigation" navigation "main menu" "menu principal" "open menu" "close menu"
	live direct "le direct" "en direct" video vidéo vidéos videos photos photo gallery galerie podcast podcasts
	newsletter newsletters rss "rss feed" contact contacts "contact us" "contactez-nous" "nous contacter"
	about "about us" "à propos" "a propos" "qui sommes-nous" team équipe careers jobs emploi
	"terms of use" "terms of service" "terms and conditions" "privacy" "privacy policy" "cookie policy"
	"politique de confidentialité" "mentions légales" "conditions d'utilisation" "cgu" "cgv" "plan du site" sitemap
	"reply" répondre "report" signaler like likes "j'aime" comment comments commentaire commentaires
	loading chargement "please wait" "veuillez patienter" more "plus" tags tag "mots clés" "mots-clés"
	"follow us" "suivez-nous" "suivez nous" "retrouvez-nous" "nous suivre" "follow" "suivre"
	"breaking news" "dernières nouvelles" "à la une" "a la une" "trending" "trending now" "popular" "top stories"
	"listen" "écouter" "play" "watch" "regarder" "download" "télécharger" "app" "get the app"
	"world" "monde" "politics" "politique" "business" "économie" "sport" "sports" "culture" "opinion" "tech"
	"société" "international" "afrique" "national" "entertainment" "lifestyle" "health" "santé" "science"
	"edition" "édition" "english" "français" "español" "deutsch" "italiano" "português"
	"x" "facebook" "twitter" "linkedin" "instagram" "youtube" "whatsapp" "telegram" "tiktok" "pinterest" "reddit"
	"mot de passe perdu" "forgot password" "mot de passe oublié" "remember me" "se souvenir de moi"
	"welcome back" "bienvenue" "sign in to your account" "connectez-vous à votre compte"
`)

// relatedHeadings introduce a list of other articles, a comment form or
// similar trailing chrome. Alone on a line they end the article body.
var relatedHeadings = wordSet(`
	related "related articles" "related stories" "related posts" "related news" "related content" "related topics"
	"related coverage" "read more" "read also" "read next" "see also" "more from" "more stories" "more news"
	"more on this" "more on this story" "you may also like" "you might also like" "you may be interested in"
	"recommended" "recommended for you" "recommended stories" "most popular" "most read" "most viewed"
	"most shared" "popular stories" "popular posts" "latest news" "latest stories" "latest posts" "latest"
	"top stories" "trending" "trending now" "trending stories" "what to read next" "don't miss" "editor's picks"
	"more in" "also read" "also on" "elsewhere on" "around the web" "você pode gostar" "você também pode gostar"
	"artigos relacionados" "posts relacionados" "artículos relacionados" "te puede interesar" "puede interesarte" "from the web" "sponsored stories" "promoted stories"
	"lire aussi" "à lire aussi" "a lire aussi" "à lire" "a lire" "lire également" "à voir aussi" "voir aussi"
	"articles similaires" "articles liés" "articles connexes" "articles récents" "articles recents"
	"derniers articles" "autres articles" "sur le même sujet" "sur le meme sujet" "dans la même rubrique"
	"articles de la même rubrique" "de la même rubrique" "vous pourriez aussi aimer" "vous aimerez aussi"
	"vous aimerez peut-être aussi" "vous pourriez aimer" "nos articles" "les plus lus" "les plus populaires"
	"en continu" "dernières infos" "dernières actualités" "à la une" "l'actu en continu" "populaires"
	"articoli correlati" "leggi anche" "potrebbe interessarti" "ti potrebbe interessare" "più letti"
	"lee también" "noticias relacionadas" "te puede interesar" "más leídas" "lo más leído"
	"mehr zum thema" "das könnte sie auch interessieren" "meistgelesen" "weitere artikel" "auch interessant"
	"leia também" "veja também" "notícias relacionadas" "mais lidas"
	"tags" "topics" "mots clés" "mots-clés" "étiquettes" "thèmes" "sujets"
	"share this article" "share this story" "share this" "partagez cet article" "partager cet article"
	"partager l'article" "share article" "about the author" "à propos de l'auteur" "l'auteur"
`)

// followVerbs open a call to follow the site on social networks.
var followVerbs = wordSet(`follow follow-us suivez suivez-nous suivre retrouvez retrouvez-nous rejoignez rejoignez-nous
	join find like sígueme síguenos seguici folgen siga`)

// relatedNouns end a short heading over a list of other content ("Top
// Rated Comments", "Latest Stories"); newsNouns do so only after a
// relatedQualifier ("Latest News", "Plus d'actualités").
var relatedNouns = wordSet(`
	comments commentaires stories articles posts headlines videos vidéos reads picks podcasts galleries
	newsletters
`)

var newsNouns = wordSet(`news nouvelles actualités actus infos noticias notizie nachrichten notícias`)

var relatedQualifiers = wordSet(`
	latest more top related recent popular trending breaking other recommended featured
	dernières derniers plus autres nos toutes últimas más ultime altre weitere mais outras
`)

// endHeadings are related headings that end an article for good: what
// follows is reader comments, a comment form, an author bio or tags.
var endHeadings = wordSet(`
	"comments" "comment" "commentaires" "commentaire" "reactions" "réactions" "discussion" "join the discussion"
	"leave a reply" "leave a comment" "post a comment" "add a comment" "write a comment" "laisser un commentaire"
	"laissez un commentaire" "poster votre commentaire" "ajouter un commentaire" "donnez votre avis"
	"lascia un commento" "deja un comentario" "deixe um comentário" "deixe uma resposta" "kommentar schreiben"
	"kommentare" "comentarios" "commenti" "comentários" "about the author" "à propos de l'auteur" "l'auteur"
	"top rated comments" "most recent comments" "show comments" "view comments" "load comments"
	"afficher les commentaires" "voir les commentaires"
`)

// commentNouns end a short heading over reader comments ("Top Rated
// Comments").
var commentNouns = wordSet(`comments commentaires comentarios commenti comentários kommentare reactions réactions`)

// inlineRelated start a line that links to another article from inside the
// body ("Read more: ...", "Lire aussi : ...").
var inlineRelated = wordSet(`
	"read more" "read also" "also read" "also on" "see also" "related" "more" "watch" "listen" "recommended"
	"lire aussi" "à lire aussi" "a lire aussi" "à lire" "a lire" "lire également" "voir aussi" "à voir" "a voir"
	"à voir aussi" "regarder" "écouter" "sur le même sujet" "leggi anche" "lee también" "leia também"
	"veja também" "mehr zum thema" "lesen sie auch" "click here" "cliquez ici" "subscribe" "abonnez-vous"
	"sign up" "inscrivez-vous" "follow" "suivez" "download" "télécharger"
`)

// uiPhrases anywhere in a short line mark it as chrome: cookie banners,
// legal footers, account prompts, comment forms.
var uiPhrases = newPhraseSet(false,
	"cookie", "all rights reserved", "tous droits réservés", "droits réservés", "todos los derechos",
	"tutti i diritti", "alle rechte", "privacy policy", "terms of use", "terms of service",
	"politique de confidentialité", "conditions d'utilisation", "conditions générales", "mentions légales",
	"your email address will not be published", "required fields are marked",
	"votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée",
	"les champs obligatoires sont indiqués", "cancel reply", "annuler la réponse", "log in to comment",
	"logged in to post a comment", "connecté pour publier un commentaire", "must be logged in",
	"sign up for", "subscribe to", "abonnez-vous", "inscrivez-vous", "s'inscrire", "newsletter",
	"sign in", "log in", "se connecter", "create an account", "créer un compte", "already a subscriber",
	"déjà abonné", "to read the full", "pour lire la suite", "réservé aux abonnés", "subscribers only",
	"download the app", "téléchargez l'application", "follow us", "suivez-nous", "suivez nous",
	"share on", "partager sur", "share this", "partagez", "click here", "cliquez ici",
	"javascript", "your browser", "votre navigateur", "ad blocker", "adblock", "bloqueur de publicité",
	"skip to", "aller au contenu", "back to top", "powered by", "propulsé par", "designed by",
	"advertisement", "publicité", "sponsored", "sponsorisé", "this content is", "ce contenu",
	"en utilisant ce site", "by using this site", "by continuing", "en poursuivant", "en continuant",
	"you agree", "vous acceptez", "mot de passe", "password", "votre pub ici", "report this ad",
	"loading", "chargement", "ad image",
	"não será publicado", "cancelar resposta", "campos obrigatórios", "no será publicada",
	"cancelar respuesta", "non sarà pubblicato", "annulla risposta", "wird nicht veröffentlicht",
	"antworten abbrechen", "if you enjoyed this article", "like this article", "did you enjoy this",
	"support our journalism", "support independent journalism", "soutenez notre", "soutenir notre",
	"vous avez aimé cet article", "cet article vous a plu", "faites un don", "make a donation",
	"subscribe now", "abonnez-vous maintenant", "sign up now", "join now", "become a member",
	"devenez membre", "comments are closed", "commentaires sont fermés", "comments closed", "poster votre commentaire", "post your comment", "post a comment", "save my name", "enregistrer mon nom", "notify me", "me notifier", "prévenez-moi",
)

// captionStarts open a photo caption.
var captionStarts = []string{
	"image caption", "image copyright", "media caption", "image source", "légende image", "légende de l'image",
	"légende de la photo", "légende de la vidéo", "crédit photo", "source de l'image", "leyenda de la foto",
	"in this photo", "in this image", "in this file photo", "in this undated photo", "in this handout photo",
	"in this screenshot", "in this picture", "this photo", "this image", "file photo", "file -", "pictured:",
	"photo:", "photo :", "photos:", "photo credit", "image:", "image :", "caption:", "légende :",
	"sur cette photo", "sur cette image", "sur cette capture", "photo d'illustration", "illustration :",
	"en esta foto", "en esta imagen", "in questa foto", "auf diesem foto", "nesta foto",
}

// captionStartsBy indexes captionStarts by their first byte.
var captionStartsBy = func() (by [256][]string) {
	for _, p := range captionStarts {
		by[p[0]] = append(by[p[0]], p)
	}
	return by
}()

// aboutMarkers open the heading of an author bio or company boilerplate
// when followed by a capitalised name ("About Jane Doe").
var aboutMarkers = wordSet(`about "à propos de" "a propos de" "à propos d'" sobre "acerca de" "a proposito di" über "über den autor"`)

// copyrightPhrases mark a copyright or rights notice.
var copyrightPhrases = newPhraseSet(false,
	"©", "all rights reserved", "droits réservés", "derechos reservados", "diritti riservati",
	"alle rechte vorbehalten", "direitos reservados",
)

// socialWords are the names of share targets and UI verbs that make up a
// share row ("Facebook Twitter WhatsApp Email").
var socialWords = wordSet(`
	facebook twitter x linkedin pinterest reddit whatsapp whatsappt telegram email e-mail mail print imprimer
	share partager partagez tweet tweeter youtube instagram tiktok snapchat flipboard messenger sms pocket
	tumblr vk vkontakte google copy copier link lien url suite more plus fb ig threads bluesky mastodon
	viber wechat line skype digg stumbleupon xing ok odnoklassniki weibo qzone pin save enregistrer
	comment comments commentaires commentaire shares partages
`)

// bylineMarkers start a byline ("By Jane Doe", "Par Jean Dupont").
var bylineMarkers = wordSet(`
	by par por di von door "written by" "posted by" "published by" "reported by" "reporting by" "story by"
	"words by" "text by" "author" "authors" "auteur" "auteurs" "auteure" "écrit par" "publié par" "rédigé par"
	"posté par" "propos recueillis par" "de notre correspondant" "de notre envoyé spécial" "scritto da"
	"escrito por" "publicado por" "geschrieben von" "contributor" "correspondent" "correspondant"
`)

// readingTimeWords mark "5 min read", "2 mn(s) de lecture".
var readingTimeWords = newPhraseSet(false,
	"min read", "mins read", "minute read", "minutes read", "minute de lecture", "minutes de lecture",
	"min de lecture", "mn de lecture", "mn(s) de lecture", "mns de lecture", "temps de lecture", "reading time",
	"read time", "lecture :", "tiempo de lectura", "min de lectura", "minutos de lectura", "tempo di lettura",
	"min di lettura", "lesezeit", "min lesezeit", "tempo de leitura", "min de leitura",
)

// creditMarkers in a short line mark a photo caption or credit.
var creditMarkers = newPhraseSet(true,
	"©", "(c)", "photo:", "photo :", "photos:", "photo credit", "crédit photo", "crédits photo", "credit:",
	"crédit :", "crédit:", "image:", "image :", "getty images", "afp photo", "/ afp", "/afp", "ap photo",
	"reuters/", "/ reuters", "/reuters", "shutterstock", "istock", "epa-efe", "photo d'illustration",
	"(photo", "(illustration", "illustration :", "source image", "dr)", "(dr",
)

// commentVerbs end the header line of a reader comment ("jdoe says:").
var commentVerbs = []string{
	"says", "said", "wrote", "writes", "commented", "replied", "replies", "comments",
	"dit", "a dit", "écrit", "a écrit", "écrivait", "répond", "a répondu", "commente", "a commenté",
	"dice", "dijo", "escribió", "scrive", "ha scritto", "schreibt", "schrieb", "disse", "escreveu", "diz",
}

// monthNames and weekdays in the supported languages, with common
// abbreviations, for date recognition.
var monthNames = wordSet(`
	january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec
	janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
	janv févr fév avr juil sept déc
	enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
	ene abr ago dic
	gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug ott
	januar februar märz mai juni juli oktober dezember jän mär okt dez
	janeiro fevereiro março maio junho julho setembro outubro novembro dezembro fev out
	января февраля марта апреля мая июня июля августа сентября октября ноября декабря
`)

var weekdayNames = wordSet(`
	monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
	lundi mardi mercredi jeudi vendredi samedi dimanche
	lunes martes miércoles jueves viernes sábado domingo
	lunedì martedì mercoledì giovedì venerdì sabato domenica
	montag dienstag mittwoch donnerstag freitag samstag sonntag
	segunda terça quarta quinta sexta
`)

// dateFiller are words that may surround a date on a date line.
var dateFiller = wordSet(`
	am pm a.m p.m et est edt cst cdt pst pdt mst gmt utc cet cest bst ist wat eat sast h hrs hr
	published updated posted modified on at le la à the of de del di am um publié mis jour mise à
	dernière dernier modifié posté publicado actualizado pubblicato aggiornato veröffentlicht aktualisiert
	aujourd hui today yesterday hier ago il y a there is minutes hours days jours heures semaines weeks
	lectures views vues reads min mn
	first last
`)

// phraseSet finds phrases in lower-case text, where a phrase must start
// at the beginning of a word (it may end inside one: "cookie" matches
// "cookies"). Phrases are indexed by the first two bytes of their first
// word so that a line is scanned once, not once per phrase. A set may
// merge several lists, each phrase carrying the bit of its list, to scan a
// line once for all of them.
type phraseSet struct {
	// anywhere lets phrases start inside a word: w3m glues captions and
	// credits ("...a rabbitCredit: Getty").
	anywhere bool
	keyed    phraseIndex          // phrases by their first two bytes
	first    [1 << 16 / 64]uint64 // bitset of the keys of keyed
	// other holds the phrases whose first word is shorter than two bytes
	// ("(photo", "/ afp", "s'inscrire"), found anywhere; otherFirst lists
	// their first bytes.
	other      []phrase
	otherFirst []byte
	all        uint8 // the bits of all lists
}

// phrase is an entry of a phraseSet and the bit of its list.
type phrase struct {
	text string
	bit  uint8
}

// newPhraseSet indexes phrases; with anywhere, a phrase may also start
// inside a word.
func newPhraseSet(anywhere bool, phrases ...string) *phraseSet {
	p := &phraseSet{anywhere: anywhere}
	p.add(1, phrases)
	return p
}

// mergePhraseSets indexes the phrases of sets (all with the same
// anywhere) in one set, those of sets[i] with bit 1<<i.
func mergePhraseSets(sets ...*phraseSet) *phraseSet {
	p := &phraseSet{anywhere: sets[0].anywhere}
	for i, s := range sets {
		var phrases []string
		for _, l := range s.keyed.lists {
			for _, ph := range l {
				phrases = append(phrases, ph.text)
			}
		}
		for _, ph := range s.other {
			phrases = append(phrases, ph.text)
		}
		p.add(1<<i, phrases)
	}
	return p
}

func (p *phraseSet) add(bit uint8, phrases []string) {
	p.all |= bit
	for _, ph := range phrases {
		if wordLen(ph) < 2 {
			p.other = append(p.other, phrase{ph, bit})
			if bytes.IndexByte(p.otherFirst, ph[0]) < 0 {
				p.otherFirst = append(p.otherFirst, ph[0])
			}
			continue
		}
		b := uint16(ph[0])<<8 | uint16(ph[1])
		p.keyed.add(b, phrase{ph, bit})
		p.first[b/64] |= 1 << (b % 64)
	}
}

// phraseIndex maps two-byte keys (never 0) to phrases: a small
// open-addressing hash table, cheaper to probe than a map.
type phraseIndex struct {
	keys  []uint16 // 0 for an empty slot
	lists [][]phrase
	n     int // keys in use
}

func (x *phraseIndex) slot(k uint16) int {
	mask := len(x.keys) - 1
	h := int(uint32(k)*0x9e3779b1>>16) & mask
	for x.keys[h] != 0 && x.keys[h] != k {
		h = (h + 1) & mask
	}
	return h
}

func (x *phraseIndex) add(k uint16, ph phrase) {
	if 2*(x.n+1) > len(x.keys) {
		// Grow, keeping the table at most half full.
		old := *x
		x.keys, x.lists = make([]uint16, max(64, 2*len(old.keys))), make([][]phrase, max(64, 2*len(old.keys)))
		for i, ok := range old.keys {
			if ok != 0 {
				j := x.slot(ok)
				x.keys[j], x.lists[j] = ok, old.lists[i]
			}
		}
	}
	j := x.slot(k)
	if x.keys[j] == 0 {
		x.keys[j] = k
		x.n++
	}
	x.lists[j] = append(x.lists[j], ph)
}

// get returns the phrases of key k.
func (x *phraseIndex) get(k uint16) []phrase {
	if len(x.keys) == 0 {
		return nil
	}
	return x.lists[x.slot(k)]
}

// wordLen is the length in bytes of the word starting s.
func wordLen(s string) int {
	n := 0
	for n < len(s) && isWordByte(s[n]) {
		n++
	}
	return n
}

func isWordByte(c byte) bool { return wordBytes[c] }

// wordBytes marks the bytes of words: ASCII letters and digits, and every
// byte of a non-ASCII character.
var wordBytes = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 || c >= 'A' && c <= 'Z'
	}
	return t
}()

// match reports whether low contains one of the phrases.
func (p *phraseSet) match(low string) bool { return p.matchBits(low) != 0 }

// matchBits returns the bits of the lists that have a phrase in low.
func (p *phraseSet) matchBits(low string) uint8 {
	var got uint8
	for _, c := range p.otherFirst {
		for i := 0; ; i++ {
			j := strings.IndexByte(low[i:], c)
			if j < 0 {
				break
			}
			i += j
			for _, ph := range p.other {
				if got&ph.bit == 0 && strings.HasPrefix(low[i:], ph.text) {
					if got |= ph.bit; got == p.all {
						return got
					}
				}
			}
		}
	}
	n := len(low)
	for i := 0; i+1 < n; {
		if !wordBytes[low[i]] {
			i++
			continue
		}
		// i starts a word, or is inside one in anywhere mode. A phrase
		// matching here starts with two word bytes, as its key does.
		b := uint16(low[i])<<8 | uint16(low[i+1])
		if p.first[b/64]&(1<<(b%64)) != 0 {
			for _, ph := range p.keyed.get(b) {
				if got&ph.bit == 0 && strings.HasPrefix(low[i:], ph.text) {
					if got |= ph.bit; got == p.all {
						return got
					}
				}
			}
		}
		i++
		if !p.anywhere {
			for i < n && wordBytes[low[i]] {
				i++
			}
		}
	}
	return got
}

// Word-list membership flags, for wordFlags.
const (
	inRelatedHeadings uint32 = 1 << iota
	inEndHeadings
	inUILabels
	inCommentNouns
	inRelatedNouns
	inNewsNouns
	inRelatedQualifiers
	inSocialWords
	inFollowVerbs
	inMonthNames
	inWeekdayNames
	inDateFiller
	// An entry of the list starts with this word.
	startsByline
	startsInlineRelated
	startsAbout
)

// wordFlags maps every entry of the word lists above to the lists it
// belongs to, and the first word of the multi-word entries of the lists
// matched by prefix to the lists they start: one lookup answers for all
// lists.
var wordFlags = func() map[string]uint32 {
	m := make(map[string]uint32, 1500)
	for _, l := range []struct {
		set  map[string]struct{}
		flag uint32
	}{
		{relatedHeadings, inRelatedHeadings}, {endHeadings, inEndHeadings}, {uiLabels, inUILabels},
		{commentNouns, inCommentNouns}, {relatedNouns, inRelatedNouns}, {newsNouns, inNewsNouns},
		{relatedQualifiers, inRelatedQualifiers}, {socialWords, inSocialWords}, {followVerbs, inFollowVerbs},
		{monthNames, inMonthNames}, {weekdayNames, inWeekdayNames}, {dateFiller, inDateFiller},
	} {
		for w := range l.set {
			m[w] |= l.flag
		}
	}
	for _, l := range []struct {
		set  map[string]struct{}
		flag uint32
	}{{bylineMarkers, startsByline}, {inlineRelated, startsInlineRelated}, {aboutMarkers, startsAbout}} {
		for w := range l.set {
			first, _, _ := strings.Cut(w, " ")
			m[first] |= l.flag
		}
	}
	return m
}()

// flagTable and stopTable hold wordFlags and stopwords for the hot paths.
var (
	flagTable = newStrTable(wordFlags)
	stopTable = newStrTable(stopwords)
)

// strTable is a read-only string-keyed table: open addressing with an
// FNV-1a hash, cheaper than a map for the short words of the lists,
// which the line analysis looks up for nearly every word of a page. The
// hash of each key is kept to skip most string comparisons.
type strTable[V any] struct {
	keys   []string // "" for an empty slot
	hashes []uint32
	vals   []V
	mask   uint32
}

func newStrTable[V any](m map[string]V) *strTable[V] {
	n := 16
	for n < 3*len(m) {
		n *= 2
	}
	t := &strTable[V]{keys: make([]string, n), hashes: make([]uint32, n), vals: make([]V, n), mask: uint32(n - 1)}
	for k, v := range m {
		if k == "" {
			continue // never looked up: lists have no empty entry
		}
		h := strHash(k)
		i := h & t.mask
		for t.keys[i] != "" {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.hashes[i], t.vals[i] = k, h, v
	}
	return t
}

// strHash is the 32-bit FNV-1a hash of s; strHashInit and strHashStep
// compute it a byte at a time.
func strHash(s string) uint32 {
	h := strHashInit
	for i := 0; i < len(s); i++ {
		h = strHashStep(h, s[i])
	}
	return h
}

const strHashInit = uint32(2166136261)

func strHashStep(h uint32, b byte) uint32 { return (h ^ uint32(b)) * 16777619 }

// get returns the value of key k, the zero value when absent.
func (t *strTable[V]) get(k string) V {
	h := strHash(k)
	for i := h & t.mask; len(t.keys[i]) > 0; i = (i + 1) & t.mask {
		if t.hashes[i] == h && t.keys[i] == k {
			return t.vals[i]
		}
	}
	var zero V
	return zero
}

// getHashed is get for key k given as bytes, whose strHash is h.
func (t *strTable[V]) getHashed(h uint32, k []byte) V {
	for i := h & t.mask; len(t.keys[i]) > 0; i = (i + 1) & t.mask {
		if t.hashes[i] == h && t.keys[i] == string(k) {
			return t.vals[i]
		}
	}
	var zero V
	return zero
}

// wordSet parses a whitespace-separated list where "double quoted"
// entries may contain spaces.
func wordSet(list string) map[string]struct{} {
	m := make(map[string]struct{})
	for len(list) > 0 {
		list = strings.TrimLeft(list, " \t\r\n")
		if list == "" {
			break
		}
		if list[0] == '"' {
			end := strings.IndexByte(list[1:], '"')
			if end < 0 {
				end = len(list) - 1
			}
			m[list[1:end+1]] = struct{}{}
			list = list[min(end+2, len(list)):]
			continue
		}
		end := strings.IndexAny(list, " \t\r\n")
		if end < 0 {
			end = len(list)
		}
		m[list[:end]] = struct{}{}
		list = list[end:]
	}
	return m
}

// uiCopyright merges uiPhrases (bit 1) and copyrightPhrases (bit 2), which
// classify looks for in the same lines.
var uiCopyright = mergePhraseSets(uiPhrases, copyrightPhrases)

// Bits of uiCopyright.
const (
	bitUIPhrase        = 1
	bitCopyrightPhrase = 2
)
