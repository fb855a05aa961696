# De meldingen van leernet in het Nederlands. Elke id is ook de vaste machinecode (`code`) in
# `check --format json` en `--format github`; verander de tekst gerust, een id nooit.
# Houd en.ftl gelijk: een test faalt als de twee verschillende ids hebben.

## Woorden binnen andere meldingen
severity-error = fout
severity-warning = waarschuwing
type-nothing = niets
type-bool = ja/nee
type-number = een getal
type-text = tekst
type-list = een lijst
type-group = een groep velden
what-lesson = les
what-page = pagina
what-initiative = initiatief

## Suggesties
hint-did-you-mean = bedoelde je `{ $s }`?
hint-allowed-fields = toegestane velden: { $list }
hint-use-one-of = kies uit: { $list }

## Bestanden en mappen
cannot-read = kan niet gelezen worden: { $error }
cannot-write = kan { $path } niet schrijven: { $error }
symlink-loop = snelkoppeling die naar zichzelf terugwijst; de map wordt overgeslagen
symlink-outside = snelkoppeling naar een plek buiten de sitemap; niet gevolgd
file-name-not-utf8 = de bestandsnaam bevat tekens die niet gelezen kunnen worden; geef het bestand een andere naam
file-too-large = het bestand is { $len } bytes, meer dan de grens van { $max } bytes
hint-file-too-large = splits het op, of verhoog [content] max_file_size in config.toml
file-empty = het bestand is leeg
hint-file-empty = `leernet new` maakt een bestand dat klaar is om in te vullen
file-not-utf8 = het bestand is geen gewone tekst (UTF-8); misschien is het een ander soort bestand of een andere tekencodering
hint-save-utf8 = sla het bestand op als UTF-8-tekst
file-nul-bytes = het bestand bevat NUL-tekens; het lijkt geen tekstbestand
slug-empty = de bestandsnaam heeft geen letters of cijfers om een webadres van te maken; geef het een andere naam

## Kopgegevens (front matter) en YAML
no-front-matter = het bestand begint niet met de kopgegevens
hint-no-front-matter = begin het bestand met een regel `---`, dan de velden en dan weer een regel `---`; `leernet new` maakt een voorbeeld
front-matter-unclosed = de kopgegevens worden nergens afgesloten
hint-front-matter-unclosed = zet een regel `---` onder het laatste veld
yaml-duplicate-key = het veld `{ $key }` staat er twee keer; laat er één staan
yaml-not-fields = de kopgegevens moeten velden zijn in de vorm `naam: waarde`
yaml-too-large = de kopgegevens zijn te groot of te diep genest ({ $detail })
yaml-syntax = de kopgegevens kunnen hier niet gelezen worden ({ $detail })
yaml-colon = in de waarde op deze regel staat nog een dubbele punt (`:`), waardoor de tekst erna als een nieuw veld wordt gelezen
hint-yaml-colon = zet de waarde tussen aanhalingstekens: `{ $key }: "{ $value }"`
yaml-tab = deze regel springt in met een tab; velden mogen alleen met spaties inspringen
hint-yaml-tab = vervang de tab door twee spaties
yaml-unclosed-quote = een aanhalingsteken (`{ $quote }`) dat hier begint, wordt niet afgesloten
hint-yaml-unclosed-quote = sluit de waarde af met hetzelfde aanhalingsteken, op dezelfde regel
yaml-unclosed-bracket = een lijst die hier met `[` begint, wordt niet afgesloten met `]`
hint-yaml-unclosed-bracket = schrijf de lijst op één regel als `[eerste, tweede]`
yaml-indent = deze regel springt anders in dan de regels eromheen
hint-yaml-indent = begin elk veld aan het begin van de regel; laat lijstregels (`- ...`) twee spaties inspringen

## Velden
unknown-field = onbekend veld `{ $key }`
missing-field = het verplichte veld `{ $key }` ontbreekt
hint-missing-field = voeg een regel `{ $key }: ...` toe aan de kopgegevens
field-empty = `{ $key }` is leeg
field-not-text = `{ $key }` moet tekst zijn, maar hier staat { $kind }
list-item-not-text = elk onderdeel van `{ $key }` moet tekst zijn, maar hier staat { $kind }
field-not-list = `{ $key }` moet een lijst zijn, maar hier staat { $kind }
hint-write-as-list = schrijf het als `{ $key }: [{ $items }]`
terms-needed = `{ $key }` heeft minstens één term nodig
unknown-term = `{ $term }` is geen bekend{ $field ->
    [themes] {" "}thema
    [stakeholders] {" "}niveau van belanghebbenden
    [financing] e financieringsvorm
    [domains] {" "}financieringsdomein
   *[other] e term voor { $field }
}
hint-known-terms = de bekende termen staan onder [[{ $field }]] in config.toml
bad-choice = `{ $key }` kan niet `{ $value }` zijn
bad-date = `{ $key }` is geen geldige datum: `{ $value }`
hint-date = schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-12
bad-year = `{ $key }` moet een jaartal of een datum zijn, niet `{ $value }`
hint-year = schrijf bijvoorbeeld 2014 of 2013-04-10
groups-not-list = `{ $key }` moet een lijst van groepen velden zijn, maar hier staat { $kind }
group-field-not-text = `{ $name }` in `{ $key }` moet tekst zijn, maar hier staat { $kind }
group-field-not-number = `{ $name }` in `{ $key }` moet een getal zijn, maar hier staat { $kind }
group-lacks = een onderdeel van `{ $key }` mist `{ $name }`
group-bad-url = `{ $name }` in `{ $key }` moet een webadres zijn dat begint met https://, niet `{ $value }`
group-not-fields = elk onderdeel van `{ $key }` moet een groep velden zijn, zoals `naam: waarde`
group-unknown-field = onbekend veld `{ $name }` in `{ $key }`
group-unknown-field-suggest = onbekend veld `{ $name }` in `{ $key }` (bedoelde je `{ $s }`?)
body-empty = de tekst ontbreekt
hint-body-empty = schrijf de tekst onder de afsluitende regel `---`
body-placeholder = de tekst is nog de voorbeeldtekst die `leernet new` schreef
hint-body-placeholder = vervang die door je eigen tekst onder de afsluitende regel `---`
html-too-deep = de HTML in deze tekst is meer dan { $depth } lagen diep genest of heeft een tag van meer dan { $tag } tekens; dat heeft geen pagina nodig
hint-html-too-deep = sluit elke HTML-tag die je opent, of laat de HTML weg

## Over bestanden heen
no-initiative = er is geen initiatief `{ $slug }`
hint-initiative-slug = de naam van een initiatief is zijn bestandsnaam in initiatives/, zonder .md
duplicate-slug = de naam `{ $slug }` van deze { $what } wordt ook gebruikt door { $other }; namen komen van de bestandsnamen en moeten uniek zijn
hint-rename-one = geef een van de twee bestanden een andere naam
broken-link = kapotte link: er is geen bestand `{ $target }`
hint-link-did-you-mean = bedoelde je `@/{ $s }`?
hint-link-form = link naar een ander bestand als `@/lessons/<bestand>.md`, `@/initiatives/<bestand>.md` of `@/pages/<bestand>.md`
broken-anchor = kapotte link: `{ $target }` heeft geen kop `#{ $anchor }`
hint-anchor-did-you-mean = bedoelde je `#{ $s }`?

## Overgenomen tekst (check --sources)
copied = { $words } woorden achter elkaar zijn gelijk aan de bron { $source } (regel { $line }): "{ $shown }"
hint-copied = schrijf het in je eigen woorden, of zet het citaat tussen aanhalingstekens en noem de bron
sources-missing = de map met bronnen bestaat niet
sources-not-folder = het pad naar de bronnen is geen map
hint-sources-folder = geef een map met tekst- of HTML-bestanden op met --sources MAP of [content] sources in config.toml (vanaf de sitemap)
sources-no-text = de map met bronnen bevat geen tekstbestanden
sources-cannot-read = de brontekst kan niet gelezen worden: { $error }
source-too-large = de brontekst is { $len } bytes, meer dan de grens van { $max } bytes; hij wordt niet gelezen

## config.toml
config-not-found = er is geen config.toml in { $dir } of een map daarboven
hint-config-not-found = start leernet in de map van een site, of geef die map op met --root <map>
config-not-utf8 = config.toml is geen gewone tekst (UTF-8)
config-cannot-read = config.toml kan niet gelezen worden: { $error }
config-syntax = { $detail }
language-unsupported = de taal `{ $value }` wordt niet ondersteund; kies uit: { $list }
term-bad-slug = de term `{ $slug }` in { $field } is geen geldige naam (kleine letters, cijfers en streepjes)
term-twice = de term `{ $slug }` in { $field } staat er twee keer
base-url-scheme = base_url `{ $url }` moet beginnen met http:// of https://
cms-backend = [cms] backend `{ $value }` wordt niet ondersteund; kies uit: { $list }
cms-repo = [cms] heeft `repo` nodig, de repository als eigenaar/naam

## Sjablonen
template-file-name = de bestandsnaam bevat tekens die niet gelezen kunnen worden
template-not-utf8 = het sjabloon is geen gewone tekst (UTF-8)
template-error = fout in sjabloon: { $detail }
no-translation-file = er is geen vertaalbestand voor deze taal
translation-syntax = { $detail }

## Uitvoer en bouwen
output-refused = { $path } wordt niet als uitvoermap gebruikt: { $why }
output-why-fs-root = het is de hoofdmap van het bestandssysteem
output-why-home = het is je persoonlijke map
output-why-root = het is de map van de site of een map daarboven
output-why-inside = hij ligt in de map { $folder }/ van de site
output-why-contains = er staat { $marker } in, dus het is geen uitvoer van een bouw
output-why-foreign = hij is niet leeg en niet door leernet geschreven (er staat geen bestand { $marker } in); maak hem leeg of kies een andere map
output-why-file = het is een bestand, geen map
output-cannot = de uitvoermap kan niet { $what ->
    [create] gemaakt
   *[replace] vervangen
} worden: { $error }
zip-inside-output = het zip-bestand kan niet in de uitvoermap staan, want die wordt bij elke bouw vervangen
zip-cannot-write = het zip-bestand kan niet geschreven worden: { $error }
note-no-base-url = geen base_url in config.toml: Atom-feeds, sitemap.xml en JSON-LD-adressen worden weggelaten
note-zip = de draagbare site staat ook in { $path } (pakt uit in { $top }/; open { $top }/index.html)

## diff
diff-cannot-read-folder = de map kan niet gelezen worden: { $error }
diff-not-folder = is geen map: geef de uitvoermappen van twee keer `leernet build`
diff-missing = bestaat niet: geef de uitvoermappen van twee keer `leernet build`
diff-not-output = is geen uitvoermap van leernet (er staat geen bestand { $marker } in): geef de uitvoermappen van twee keer `leernet build`

## serve
serve-cannot-listen = kan niet luisteren op { $addr }: { $error }
serve-cannot-open = kan niet geopend worden: { $error }
serve-cannot-watch = kan de bestanden niet in de gaten houden: { $error }
serve-built = { $files } bestanden gemaakt in { $ms } ms
serve-serving = { $root } staat klaar op { $url }/ (Ctrl-C om te stoppen)
serve-admin = het formulier voor lessen: { $url }/admin/ (start `npx decap-server` in de sitemap om in je bestanden op te slaan)
serve-watch-error = fout bij het volgen van bestanden: { $error }
serve-stopped = gestopt
serve-everything = alles
serve-files = { $n ->
    [one] 1 bestand
   *[other] { $n } bestanden
}
serve-more = … nog { $n }
serve-rebuilt = { $what } opnieuw gemaakt in { $ms } ms: { $pages }
serve-removed = ; weggehaald: { $pages }
serve-failed = { $problems }; de laatste goede versie blijft te zien:
serve-unchanged = niets opnieuw te maken
count-problems = { $n ->
    [one] 1 probleem
   *[other] { $n } problemen
}

## Samenvattingen en voortgang (check, build, new)
count-errors = { $n ->
    [one] 1 fout
   *[other] { $n } fouten
}
count-warnings = { $n ->
    [one] 1 waarschuwing
   *[other] { $n } waarschuwingen
}
check-failed = { $errors } gevonden; er is niets geschreven
check-failed-and-warnings = { $errors } en { $warnings } gevonden; er is niets geschreven
check-denied-warnings = { $warnings } gevonden (--deny-warnings)
check-ok = in orde: { $initiatives } initiatieven en { $lessons } lessen, { $problems }
no-problems = geen problemen
build-failed = { $errors } gevonden; de uitvoermap is niet veranderd
build-done = { $pages } pagina's gemaakt ({ $files } bestanden, { $mb } MB) in { $output } in { $ms } ms
build-note = let op: { $note }
progress-rendering = pagina's maken
progress-pages = pagina's
stdin-unreadable = fout: de invoer kan niet gelezen worden: { $error }
command-error = fout: { $message }

## leernet new
new-exists = { $path } bestaat al; kies een andere titel of bewerk dat bestand
new-slug-used = de naam `{ $slug }` wordt al gebruikt door { $other }; kies een andere titel
new-cannot-create = kan { $path } niet maken: { $error }
new-cannot-write = kan { $path } niet schrijven: { $error }
new-title-empty = de titel heeft minstens één letter of cijfer nodig om een bestandsnaam van te maken
new-no-initiative = er is geen initiatief `{ $slug }` (geen bestand { $path })
new-no-initiative-suggest = er is geen initiatief `{ $slug }` (geen bestand { $path }); bedoelde je `{ $s }`?
new-lesson-title = De titel van de les: één korte zin.
new-lesson-initiative = Het initiatief waar de les vandaan komt (de bestandsnaam in initiatives/, zonder .md).
new-lesson-kind = Soort les: { $list }.
new-themes = Thema's, minstens één van: { $list }.
new-lesson-stakeholders = Voor welke niveaus van belanghebbenden, minstens één van: { $list }.
new-optional-financing = Niet verplicht. Financieringsvormen: { $list }.
new-domains = Niet verplicht. Wettelijke financieringsdomeinen: { $list }.
new-lesson-added = Niet verplicht. De datum waarop de les is toegevoegd, JJJJ-MM-DD.
new-lesson-source = Niet verplicht. Waar de les vandaan komt: een rapport, een persoon, een webadres.
new-initiative-title = De naam van het initiatief.
new-initiative-summary = Eén zin die zegt wat het initiatief doet.
new-initiative-region = Gemeente of regio.
new-initiative-stakeholders = Betrokken niveaus van belanghebbenden, minstens één van: { $list }.
new-initiative-financing = Financieringsvormen, minstens één van: { $list }.
new-initiative-started = Niet verplicht. Begin: een jaartal (2014) of een datum (2013-04-10). Haal het # weg en vul het in.
new-initiative-phase = Niet verplicht. Fase: { $list }. Haal het # weg en kies er één.
new-initiative-evidence = Niet verplicht. Sterkte van het bewijs: { $list }. Haal het # weg en kies er één.
new-initiative-organisations = Niet verplicht. Deelnemende organisaties.
new-initiative-outcomes = Niet verplicht. Gemeten resultaten: een maat met een getal voor en na.
new-initiative-figures = Niet verplicht. Kerncijfers: een omschrijving en een waarde (tekst).
new-initiative-contact = Niet verplicht. Contact: naam, organisatie, webadres.
new-initiative-links = Niet verplicht. Meer lezen: titel en webadres.
new-initiative-reviewed = Niet verplicht. Wanneer dit profiel voor het laatst is nagekeken, JJJJ-MM-DD.

## Het webformulier (admin/config.yml)
cms-page-title = Lessen toevoegen en bewerken – { $site }
cms-config-comment = Gemaakt door `leernet build` uit config.toml en het inhoudsmodel; niet bewerken: pas config.toml aan.
cms-initiatives = Initiatieven
cms-initiative = Initiatief
cms-lessons = Lessen
cms-lesson = Les
cms-pattern-started = een jaartal (2014) of een datum (2013-04-10)
cms-label-body = Tekst
cms-hint-body = De les of het profiel zelf: wat er gebeurde, wat het opleverde en wat een ander ervan kan leren.
cms-label-title = Titel
cms-hint-title = Eén korte zin; de bestandsnaam wordt ervan gemaakt.
cms-label-summary = Samenvatting
cms-hint-summary = Eén zin die zegt wat het initiatief doet.
cms-label-region = Gemeente of regio
cms-hint-region = Waar het initiatief werkt.
cms-label-themes = Thema's
cms-hint-themes = Kies minstens één thema waar de tekst over gaat.
cms-label-stakeholders = Niveaus van belanghebbenden
cms-hint-stakeholders = Voor wie: van inwoner en mantelzorger tot bestuurder en financier. Minstens één.
cms-label-financing = Financieringsvormen
cms-hint-financing = Hoe het werk betaald wordt.
cms-label-domains = Financieringsdomeinen
cms-hint-domains = De wetten waaruit het geld komt (Wmo, Zvw, Wlz, …). Niet verplicht.
cms-label-started = Begin
cms-hint-started = Het jaar (2014) of de datum (2013-04-10) waarop het begon. Laat leeg als je het niet weet.
cms-label-phase = Fase
cms-hint-phase = Hoe ver het initiatief is. Laat leeg als je het niet weet.
cms-label-evidence = Sterkte van het bewijs
cms-hint-evidence = Waar de resultaten op rusten. Laat leeg als je het niet weet.
cms-label-organisations = Organisaties
cms-hint-organisations = De deelnemende organisaties, gescheiden door komma's.
cms-label-outcomes = Gemeten resultaten
cms-hint-outcomes = Een maat met een getal voor en na.
cms-label-outcomes-measure = Maat
cms-hint-outcomes-measure = Wat er gemeten is.
cms-label-outcomes-before = Voor
cms-hint-outcomes-before = Het getal vooraf.
cms-label-outcomes-after = Na
cms-hint-outcomes-after = Het getal achteraf.
cms-label-outcomes-unit = Eenheid
cms-hint-outcomes-unit = Bijvoorbeeld "cijfer 1-10" of "%".
cms-label-outcomes-source = Bron
cms-hint-outcomes-source = Waar de getallen vandaan komen.
cms-label-figures = Kerncijfers
cms-hint-figures = Een omschrijving en een waarde, zoals "Deelnemers: 300+".
cms-label-figures-label = Omschrijving
cms-hint-figures-label = Wat het cijfer is.
cms-label-figures-value = Waarde
cms-hint-figures-value = Het cijfer, als tekst.
cms-label-links = Meer lezen
cms-hint-links = Webpagina's over het initiatief.
cms-label-links-title = Titel
cms-hint-links-title = De naam van de pagina.
cms-label-links-url = Webadres
cms-hint-links-url = Begint met https://
cms-label-contact = Contact
cms-hint-contact = Bij wie je terechtkunt met vragen. Niet verplicht.
cms-label-contact-name = Naam
cms-hint-contact-name = Een persoon, of laat leeg.
cms-label-contact-organisation = Organisatie
cms-hint-contact-organisation = De organisatie om contact mee op te nemen.
cms-label-contact-url = Webadres
cms-hint-contact-url = Begint met https://
cms-label-last-reviewed = Laatst nagekeken
cms-hint-last-reviewed = Wanneer dit profiel voor het laatst is nagekeken.
cms-label-added = Toegevoegd op
cms-hint-added = De datum waarop de les is toegevoegd.
cms-label-initiative = Initiatief
cms-hint-initiative = Het initiatief waar de les vandaan komt: typ een deel van de naam of de regio.
cms-label-kind = Soort
cms-hint-kind = Een les, een succes, een knelpunt, een tip of een mislukking.
cms-label-source = Bron
cms-hint-source = Waar de les vandaan komt: een rapport, een persoon, een webadres. Niet verplicht.

## De site-instellingen ([display])
display-not-static = [display] { $key } `{ $file }` is geen bestand in static/
hint-display-static = zet de afbeelding in de map static/ en geef haar naam vanaf die map

## Spreadsheets (import, export, new sheet)
sheet-unknown-file-type = onbekend bestandstype; gebruik een .xlsx-, .ods- of .csv-bestand
sheet-cannot-open = kan het bestand niet openen: { $error }
sheet-not-a-spreadsheet = dit is geen leesbaar { $kind }-bestand ({ $error }); is het beschadigd, of heeft het de verkeerde extensie?
sheet-crashed = het bestand is beschadigd en kan niet gelezen worden
sheet-too-large = het bestand is { $mb } MB, meer dan de grens van { $max } MB
sheet-too-many-rows = het blad heeft meer dan { $max } rijen; splits het in kleinere bladen
sheet-not-utf8 = het CSV-bestand is geen UTF-8-tekst; sla het op als "CSV UTF-8"
sheet-binary-csv = het CSV-bestand bevat binaire gegevens (NUL-tekens); is het wel een CSV-bestand?
sheet-csv-error = het CSV-bestand is niet te lezen: { $error }
sheet-no-sheet = er is geen blad "{ $name }"; de bladen heten: { $sheets }
sheet-no-sheets = het bestand heeft geen bladen
sheet-empty = het blad is leeg: verwacht een kopregel met kolomnamen en daaronder een rij per les
sheet-no-rows = het blad heeft een kopregel maar geen rijen met lessen
sheet-unknown-column-suggest = onbekende kolom "{ $name }"; bedoelt u "{ $s }"?
sheet-unknown-column = onbekende kolom "{ $name }"; bekende kolommen zijn: { $all }
sheet-duplicate-column = deze kolom staat er twee keer in (ook "{ $first }"); houd er één
sheet-missing-column = de kolom "{ $nl }" (of "{ $field }") ontbreekt
sheet-cell-without-header = kolom { $col } heeft geen kop maar deze rij heeft daar wel iets ingevuld
sheet-formula-error = de cel bevat een formulefout ({ $error })
sheet-same-slug = deze les krijgt dezelfde bestandsnaam "{ $slug }.md" als rij { $row }; maak één van de titels anders
sheet-title-without-letters = de titel heeft geen letters of cijfers om een bestandsnaam van te maken
sheet-exists = { $path } bestaat al; gebruik --update om het bestand uit deze rij opnieuw te schrijven
sheet-cannot-write = kan { $path } niet schrijven: { $error }
sheet-site-problems = let op: de site zelf heeft nog { $n } andere problemen; zie `leernet check`
sheet-summary = geschreven: { $new } nieuw, { $changed } bijgewerkt, { $unchanged } ongewijzigd
sheet-summary-dry-run = zou schrijven: { $new } nieuw, { $changed } bijgewerkt, { $unchanged } ongewijzigd
sheet-failed = { $n ->
    [one] 1 probleem
   *[other] { $n } problemen
} gevonden; er is niets geschreven (met --skip-invalid worden de goede rijen wel geschreven)
sheet-skipped = overgeslagen rijen ({ $n }): { $rows }
sheet-status-new = nieuw
sheet-status-changed = bijgewerkt
sheet-status-unchanged = ongewijzigd
sheet-unknown-term = onbekende term "{ $term }"
sheet-no-initiative = er is geen initiatief "{ $value }"
sheet-bad-choice = "{ $value }" is geen toegestane waarde
sheet-bad-date = "{ $value }" is geen geldige datum; schrijf bijvoorbeeld 2026-03-12 of 12-3-2026
sheet-terms-needed = vul minstens één term in
sheet-title-missing = de titel ontbreekt
sheet-required-empty = deze kolom is verplicht maar leeg
sheet-body-missing = de tekst ontbreekt
sheet-slug-used = deze titel geeft de bestandsnaam "{ $slug }.md", maar die is al in gebruik door { $other }
sheet-broken-link = kapotte link in de tekst: er is geen bestand "{ $target }"
sheet-broken-anchor = kapotte link in de tekst: "{ $target }" heeft geen kop "{ $anchor }"
sheet-did-you-mean = { $text }; bedoelt u { $s }?
sheet-at-body-line = { $message } (regel { $line } van de tekst)
sheet-unknown-export-type = onbekend bestandstype; exporteer naar een .xlsx- of .csv-bestand
sheet-file-exists = { $path } bestaat al; kies een andere naam of verwijder het eerst
sheet-cell-too-long = de tekst van { $what } is te lang voor een Excel-cel (meer dan 32.767 tekens); exporteer naar .csv
sheet-cannot-save = kan { $path } niet schrijven: { $error }
sheet-site-has-problems = de site heeft { $n } problemen; los ze eerst op (zie `leernet check`)
sheet-unpacks-too-large = het bestand pakt uit tot { $mb } MB, meer dan de grens van { $max } MB
sheet-too-many-cells = het blad beslaat { $cells } cellen (herhaalde rijen of kolommen), meer dan de grens van { $max }

## leernet diff (wat een pull request op de site verandert)
diff-headline = { $added ->
    [one] 1 pagina
   *[other] { $added } pagina's
} toegevoegd, { $removed } verwijderd, { $changed } gewijzigd, { $lists } alleen gewijzigd in hun lijsten; andere bestanden: { $oadded } toegevoegd, { $oremoved } verwijderd, { $ochanged } gewijzigd
diff-group-added = Toegevoegd
diff-group-removed = Verwijderd
diff-group-changed = Gewijzigd
diff-group-lists = Alleen gewijzigd in hun lijsten (kaarten van lessen en initiatieven, tellingen)
diff-none = Geen wijzigingen: de twee builds zijn gelijk.
diff-more = … en nog { $n }
diff-md-title = Wat deze pull request op de site verandert
diff-col-page = pagina
diff-col-title = titel

## De hulp van de opdrachtregel (leernet --help)
help-usage = Gebruik
help-commands = Opdrachten
help-arguments = Argumenten
help-options = Opties
help-help = Toon deze hulp
help-version = Toon de versie
help-about = Maakt de site van het leernetwerk uit initiatieven en lessen
help-root = De map van de site (met config.toml, initiatives/ en lessons/); anders de dichtstbijzijnde map met een config.toml
help-quiet = Toon alleen fouten
help-lang = Taal van de meldingen: nl of en (standaard: de `language` van de site, anders nl)
help-check = Controleer elk inhoudsbestand en meld alle problemen; schrijft niets
help-check-format = Hoe de problemen getoond worden: human (bestand:regel:kolom; standaard), github (meldingen in GitHub) of json
help-check-sources = Waarschuw ook voor 8 of meer woorden op een rij uit een tekstbestand in de map DIR (in plaats van [content] sources)
help-check-deny-warnings = Faal (code 1) ook bij waarschuwingen
help-build = Controleer, en maak dan de site in de uitvoermap (in één keer vervangen)
help-build-output = Uitvoermap (standaard: <site>/public)
help-build-base-url = In plaats van base_url uit config.toml
help-build-portable = Relatieve links die op index.html eindigen, om de site vanuit een map of file:// te openen
help-build-zip = Schrijf de draagbare site ook als één zipbestand om uit te delen (met --portable)
help-serve = Maak de site in het geheugen, toon hem op http://127.0.0.1:1111, maak hem opnieuw bij elke wijziging en ververs de browser
help-serve-port = Poort (standaard: 1111)
help-serve-interface = Adres om op te luisteren (standaard: 127.0.0.1: alleen deze computer kan verbinden)
help-serve-open = Open de site in de standaardbrowser
help-diff = Toon de pagina's die tussen twee builds zijn toegevoegd, verwijderd en gewijzigd (voor het nakijken van pull requests)
help-diff-old = De uitvoermap van de eerdere build (bijvoorbeeld van de hoofdtak)
help-diff-new = De uitvoermap van de latere build (bijvoorbeeld van de pull request)
help-diff-format = text (platte tekst; standaard) of markdown (voor een pull request of een samenvatting van een taak)
help-import = Schrijf één lesbestand per rij van een spreadsheet (.xlsx, .ods of .csv)
help-import-file = Het spreadsheetbestand
help-import-sheet = Het blad om te lezen (standaard: het eerste)
help-import-update = Schrijf lesbestanden die al bestaan opnieuw uit hun rij
help-import-skip-invalid = Schrijf de goede rijen en noem de overgeslagen rijen
help-import-dry-run = Toon wat geschreven zou worden; schrijf niets
help-export = Schrijf alle lessen en initiatieven naar een spreadsheet (.xlsx, of .csv-bestanden)
help-export-file = Het bestand om te schrijven
help-new = Schrijf een lesbestand of initiatiefbestand om in te vullen, of een leeg importblad
help-new-lesson = lessons/<initiatief>/<naam>.md
help-new-lesson-initiative = De naam (slug) van het initiatief waar de les bij hoort
help-new-lesson-title = De titel van de les
help-new-initiative = initiatives/<naam>.md
help-new-initiative-title = De naam van het initiatief
help-new-sheet = Een leeg importblad (.xlsx) met keuzelijsten en de toegestane waarden
help-new-sheet-file = Het .xlsx-bestand om te schrijven
