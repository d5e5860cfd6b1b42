package main

import (
	"reflect"
	"slices"
	"testing"

	"github.com/veille-news/veille/entity/tagger/nerdata"
)

func TestAugment(t *testing.T) {
	sents := []nerdata.Sentence{
		{Tokens: []string{"M.", "Koné", "est", "arrivé", "à", "Bamako", "."}, Tags: []string{"O", "B-PER", "O", "O", "O", "B-LOC", "O"}},
		{Tokens: []string{"Rien", "ici", "."}, Tags: []string{"O", "O", "O"}},
	}
	pools := namePools{}
	pools.add("PER", []string{"Awa", "Traoré"})
	pools.add("LOC", []string{"Nouvelle-Orléans"})
	pools.add("LOC", []string{"Aix-la-Chapelle"})
	pools.add("ORG", []string{"Banque", "mondiale"})
	pools.dedupe()
	got := augment(sents, pools, 3, 1)
	if len(got) != 3 {
		t.Fatalf("%d copies, want 3 (the sentence without names is not copied)", len(got))
	}
	for _, s := range got {
		if len(s.Tokens) != len(s.Tags) {
			t.Fatalf("tokens and tags differ in length: %v", s)
		}
		want := []string{"O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"}
		if !reflect.DeepEqual(s.Tags, want) || s.Tokens[1] != "Awa" || s.Tokens[2] != "Traoré" {
			t.Errorf("copy %q %v, want the person replaced by Awa Traoré", s.Tokens, s.Tags)
		}
		if loc := s.Tokens[6]; loc != "Nouvelle-Orléans" && loc != "Aix-la-Chapelle" {
			t.Errorf("place %q not from the pool", loc)
		}
		if s.Tokens[5] != "à" || s.Tokens[7] != "." {
			t.Errorf("context changed: %q", s.Tokens)
		}
	}
	if again := augment(sents, pools, 3, 1); !reflect.DeepEqual(again, got) {
		t.Error("same seed, different copies")
	}
	if sents[0].Tokens[1] != "Koné" {
		t.Error("the input was modified")
	}
}

func TestAddPeople(t *testing.T) {
	pools := namePools{}
	pools.add("PER", []string{"Emmanuel", "Macron"})
	pools.add("PER", []string{"Moussa", "Diallo"})
	pools.addPeople([]string{"Awa", "Jean-Pierre"}, 20, 7)
	pools.dedupe()
	for _, p := range pools["PER"] {
		if len(p) != 2 || !slices.Contains([]string{"Macron", "Diallo"}, p[1]) {
			t.Errorf("made-up name %q: want a given name and a known surname", p)
		}
	}
	if len(pools["PER"]) < 4 {
		t.Errorf("only %d names", len(pools["PER"]))
	}
}
