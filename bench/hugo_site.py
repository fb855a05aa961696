#!/usr/bin/env python3
"""Turns the zola site that ../shared/peers/to_zola.py writes into a hugo site with the same
content and the same kinds of pages (a page per initiative and lesson, section lists, a page per
taxonomy term and per taxonomy), for bench/peers.sh. Hugo has no search index, so it is a lower
bound for "a generator without search". usage: hugo_site.py ZOLA_SITE OUT_DIR"""
import os
import shutil
import sys

src, out = sys.argv[1], sys.argv[2]
TAX = ("themes", "stakeholders", "financing", "domains")
shutil.rmtree(out, ignore_errors=True)

for dirpath, _, files in os.walk(os.path.join(src, "content")):
    rel = os.path.relpath(dirpath, os.path.join(src, "content"))
    os.makedirs(os.path.join(out, "content", rel), exist_ok=True)
    for f in files:
        text = open(os.path.join(dirpath, f), encoding="utf-8").read()
        # zola keeps taxonomies in a [taxonomies] table; hugo reads them as top-level keys.
        text = text.replace("\n[taxonomies]\n", "\n", 1).replace('sort_by = "title"\n', "")
        open(os.path.join(out, "content", rel, f), "w", encoding="utf-8").write(text)

taxonomies = "".join(f'{t} = "{t}"\n' for t in TAX)
open(os.path.join(out, "hugo.toml"), "w").write(
    'baseURL = "https://example.org/"\ntitle = "Leernetwerk"\nlanguageCode = "nl"\n'
    'disableKinds = ["RSS"]\n[markup.goldmark.renderer]\nunsafe = true\n'
    f"[taxonomies]\n{taxonomies}"
)
layouts = {
    "baseof.html": '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
    '<body><nav><a href="/">Leernetwerk</a></nav><main>{{ block "main" . }}{{ end }}</main></body></html>',
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
    '{{ range $tax, $_ := .Site.Taxonomies }}{{ with $.GetTerms $tax }}<p>{{ $tax }}: {{ range . }}'
    '<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}{{ end }}'
    "{{ .Content }}</article>{{ end }}",
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages.ByTitle }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
    "terms.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}'
    '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}',
}
os.makedirs(os.path.join(out, "layouts", "_default"), exist_ok=True)
for name, text in layouts.items():
    open(os.path.join(out, "layouts", "_default", name), "w").write(text)
print(f"hugo site -> {out}")
