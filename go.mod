module github.com/veille-news/veille

go 1.26.8
