# leernet's messages in English. Each id is also the stable machine `code` shown in
# `check --format json` and `--format github`; change wording freely, never an id.
# Keep nl.ftl in step: a test fails when the two have different ids.

## Words used inside other messages
severity-error = error
severity-warning = warning
type-nothing = nothing
type-bool = a yes/no value
type-number = a number
type-text = text
type-list = a list
type-group = a group of fields
what-lesson = lesson
what-page = page
what-initiative = initiative

## Suggestions
hint-did-you-mean = did you mean `{ $s }`?
hint-allowed-fields = allowed fields: { $list }
hint-use-one-of = use one of: { $list }

## Files and folders
cannot-read = cannot read: { $error }
cannot-write = cannot write { $path }: { $error }
symlink-loop = symbolic link loop; the folder is skipped
symlink-outside = symbolic link to a place outside the site root; not followed
file-name-not-utf8 = the file name is not valid UTF-8; rename the file
file-too-large = the file is { $len } bytes, more than the limit of { $max } bytes
hint-file-too-large = split it, or raise [content] max_file_size in config.toml
file-empty = the file is empty
hint-file-empty = `leernet new` writes a ready-to-fill file
file-not-utf8 = the file is not UTF-8 text (binary data or another encoding)
hint-save-utf8 = save the file as UTF-8
file-nul-bytes = the file contains NUL bytes; it looks like a binary file
slug-empty = the file name has no letters or digits to make a URL from; rename it

## Front matter and YAML
no-front-matter = the file does not start with front matter
hint-no-front-matter = begin the file with a line `---`, the fields, and another line `---`; `leernet new` writes a template
front-matter-unclosed = the front matter is never closed
hint-front-matter-unclosed = add a line `---` after the last field
yaml-duplicate-key = the field `{ $key }` appears twice; keep one
yaml-not-fields = the front matter must be fields written as `name: value`
yaml-too-large = the front matter is too large or too deeply nested ({ $detail })
yaml-syntax = YAML syntax error: { $detail }
yaml-colon = this line has a second colon (`:`) in its value, so the text after it reads as a new field
hint-yaml-colon = put the value between quotes: `{ $key }: "{ $value }"`
yaml-tab = this line is indented with a tab; the fields may only be indented with spaces
hint-yaml-tab = replace the tab with two spaces
yaml-unclosed-quote = a quote (`{ $quote }`) opened here is never closed
hint-yaml-unclosed-quote = end the value with the same quote mark, on the same line
yaml-unclosed-bracket = a list opened here with `[` is never closed with `]`
hint-yaml-unclosed-bracket = write the list as `[first, second]` on one line
yaml-indent = this line is indented differently from the lines around it
hint-yaml-indent = start each field at the beginning of the line; indent list items (`- ...`) by two spaces

## Fields
unknown-field = unknown field `{ $key }`
missing-field = missing required field `{ $key }`
hint-missing-field = add a line `{ $key }: ...` to the front matter
field-empty = `{ $key }` is empty
field-not-text = `{ $key }` must be text, not { $kind }
list-item-not-text = every item of `{ $key }` must be text, not { $kind }
field-not-list = `{ $key }` must be a list, not { $kind }
hint-write-as-list = write it as `{ $key }: [{ $items }]`
terms-needed = `{ $key }` needs at least one term
unknown-term = `{ $term }` is not a known { $field ->
    [themes] theme
    [stakeholders] stakeholder level
    [financing] financing model
    [domains] financing domain
   *[other] { $field } term
}
hint-known-terms = the known terms are listed under [[{ $field }]] in config.toml
bad-choice = `{ $key }` cannot be `{ $value }`
bad-date = `{ $key }` is not a valid date: `{ $value }`
hint-date = write a date as YYYY-MM-DD, e.g. 2026-03-12
bad-year = `{ $key }` must be a year or a date, not `{ $value }`
hint-year = write e.g. 2014 or 2013-04-10
groups-not-list = `{ $key }` must be a list of groups of fields, not { $kind }
group-field-not-text = `{ $name }` in `{ $key }` must be text, not { $kind }
group-field-not-number = `{ $name }` in `{ $key }` must be a number, not { $kind }
group-lacks = an item of `{ $key }` lacks `{ $name }`
group-bad-url = `{ $name }` in `{ $key }` must be a web address starting with https://, not `{ $value }`
group-not-fields = each item of `{ $key }` must be a group of fields like `name: value`
group-unknown-field = unknown field `{ $name }` in `{ $key }`
group-unknown-field-suggest = unknown field `{ $name }` in `{ $key }` (did you mean `{ $s }`?)
body-empty = the body is empty
hint-body-empty = write the text below the closing `---`
body-placeholder = the text is still the example text that `leernet new` wrote
hint-body-placeholder = replace it with your own text below the closing `---`
html-too-deep = the HTML in this text nests more than { $depth } levels deep or has a tag longer than { $tag } characters, which no page needs
hint-html-too-deep = close every HTML tag you open, or leave the HTML out

## Across files
no-initiative = there is no initiative `{ $slug }`
hint-initiative-slug = the initiative slug is its file name in initiatives/, without .md
duplicate-slug = { $what } slug `{ $slug }` is also used by { $other }; slugs come from file names and must be unique
hint-rename-one = rename one of the two files
broken-link = broken link: there is no content file `{ $target }`
hint-link-did-you-mean = did you mean `@/{ $s }`?
hint-link-form = link to another content file as `@/lessons/<file>.md`, `@/initiatives/<file>.md` or `@/pages/<file>.md`
broken-anchor = broken link: `{ $target }` has no heading `#{ $anchor }`
hint-anchor-did-you-mean = did you mean `#{ $s }`?

## Copied phrasing (check --sources)
copied = { $words } words in a row are the same as in the source { $source } (line { $line }): "{ $shown }"
hint-copied = write it in your own words, or put the quotation between quotation marks and name the source
sources-missing = the sources folder does not exist
sources-not-folder = the sources path is not a folder
hint-sources-folder = give a folder of text or HTML files with --sources DIR or [content] sources in config.toml (relative to the site root)
sources-no-text = the sources folder holds no text files
sources-cannot-read = cannot read the source text: { $error }
source-too-large = the source text is { $len } bytes, more than the limit of { $max } bytes; it is not read

## config.toml
config-not-found = there is no config.toml in { $dir } or any folder above it
hint-config-not-found = run leernet inside a site folder, or name it with --root <folder>
config-not-utf8 = config.toml is not valid UTF-8
config-cannot-read = cannot read config.toml: { $error }
config-syntax = { $detail }
language-unsupported = language `{ $value }` is not supported; use one of: { $list }
term-bad-slug = { $field } term `{ $slug }` is not a valid slug (lowercase letters, digits and hyphens)
term-twice = { $field } term `{ $slug }` is defined twice
base-url-scheme = base_url `{ $url }` must start with http:// or https://
cms-backend = [cms] backend `{ $value }` is not supported; use one of: { $list }
cms-repo = [cms] needs `repo`, the repository as owner/name

## Templates
template-file-name = the file name is not valid UTF-8
template-not-utf8 = the template is not UTF-8 text
template-error = template error: { $detail }
no-translation-file = no translation file for this language
translation-syntax = { $detail }

## Output and build
output-refused = refusing to use { $path } as the output folder: { $why }
output-why-fs-root = it is the file-system root
output-why-home = it is your home folder
output-why-root = it is the site root or a folder that contains it
output-why-inside = it lies inside the site's { $folder }/ folder
output-why-contains = it contains { $marker }, so it is not a build output
output-why-foreign = it is not empty and was not written by leernet (it has no { $marker } file); empty it or choose another folder
output-why-file = it is a file, not a folder
output-cannot = cannot { $what ->
    [create] create
   *[replace] replace
} the output folder: { $error }
zip-inside-output = the zip file cannot lie inside the output folder, which is replaced on every build
zip-cannot-write = cannot write the zip file: { $error }
note-no-base-url = no base_url in config.toml: Atom feeds, sitemap.xml and JSON-LD URLs are left out
note-zip = portable site also written to { $path } (unpacks into { $top }/; open { $top }/index.html)

## diff
diff-cannot-read-folder = cannot read the folder: { $error }
diff-not-folder = is not a folder: give the output folders of two `leernet build`s
diff-missing = does not exist: give the output folders of two `leernet build`s
diff-not-output = is not a leernet output folder (it has no { $marker } file): give the output folders of two `leernet build`s

## serve
serve-cannot-listen = cannot listen on { $addr }: { $error }
serve-cannot-open = cannot open: { $error }
serve-cannot-watch = cannot watch files: { $error }
serve-built = built { $files } files in { $ms } ms
serve-serving = serving { $root } at { $url }/ (Ctrl-C to stop)
serve-admin = the form for adding lessons: { $url }/admin/ (run `npx decap-server` in the site folder to save to your files)
serve-watch-error = watch error: { $error }
serve-stopped = stopped
serve-everything = everything
serve-files = { $n ->
    [one] 1 file
   *[other] { $n } files
}
serve-more = … { $n } more
serve-rebuilt = rebuilt { $what } in { $ms } ms: { $pages }
serve-removed = ; removed { $pages }
serve-failed = { $problems }; still serving the last good build:
serve-unchanged = nothing to rebuild
count-problems = { $n ->
    [one] 1 problem
   *[other] { $n } problems
}

## Summaries and progress (check, build, new)
count-errors = { $n ->
    [one] 1 error
   *[other] { $n } errors
}
count-warnings = { $n ->
    [one] 1 warning
   *[other] { $n } warnings
}
check-failed = { $errors } found; nothing was written
check-failed-and-warnings = { $errors } and { $warnings } found; nothing was written
check-denied-warnings = { $warnings } found (--deny-warnings)
check-ok = ok: { $initiatives } initiatives and { $lessons } lessons, { $problems }
no-problems = no problems
build-failed = { $errors } found; the output folder was not changed
build-done = built { $pages } pages ({ $files } files, { $mb } MB) into { $output } in { $ms } ms
build-note = note: { $note }
progress-rendering = rendering
progress-pages = pages
stdin-unreadable = error: cannot read standard input: { $error }
command-error = error: { $message }

## leernet new
new-exists = { $path } already exists; choose another title or edit that file
new-slug-used = the name `{ $slug }` is already used by { $other }; choose another title
new-cannot-create = cannot create { $path }: { $error }
new-cannot-write = cannot write { $path }: { $error }
new-title-empty = the title needs at least one letter or digit to make a file name from
new-no-initiative = there is no initiative `{ $slug }` (no file { $path })
new-no-initiative-suggest = there is no initiative `{ $slug }` (no file { $path }); did you mean `{ $s }`?
new-lesson-title = The title of the lesson: one short sentence, in Dutch.
new-lesson-initiative = The initiative this lesson comes from (the file name in initiatives/, without .md).
new-lesson-kind = What kind of lesson: { $list }.
new-themes = Themes, at least one of: { $list }.
new-lesson-stakeholders = Stakeholder levels it speaks to, at least one of: { $list }.
new-optional-financing = Optional. Financing models: { $list }.
new-domains = Optional. Legal financing domains: { $list }.
new-lesson-added = Optional. The date the lesson was added, YYYY-MM-DD.
new-lesson-source = Optional. Where the lesson comes from: a report, a person, a web address.
new-initiative-title = The name of the initiative.
new-initiative-summary = One sentence that says what the initiative does.
new-initiative-region = Municipality or region.
new-initiative-stakeholders = Stakeholder levels involved, at least one of: { $list }.
new-initiative-financing = Financing models, at least one of: { $list }.
new-initiative-started = Optional. Start: a year (2014) or a date (2013-04-10). Remove the # and fill it in.
new-initiative-phase = Optional. Phase: { $list }. Remove the # and choose one.
new-initiative-evidence = Optional. Strength of evidence: { $list }. Remove the # and choose one.
new-initiative-organisations = Optional. Organisations taking part.
new-initiative-outcomes = Optional. Measured outcomes: a measure with a number before and after.
new-initiative-figures = Optional. Key figures: a label and a value (text).
new-initiative-contact = Optional. Contact: name, organisation, url.
new-initiative-links = Optional. Further reading: title and url.
new-initiative-reviewed = Optional. When this profile was last checked, YYYY-MM-DD.

## The web form (admin/config.yml)
cms-page-title = Add and edit lessons – { $site }
cms-config-comment = Made by `leernet build` from config.toml and the content model; do not edit: change config.toml instead.
cms-initiatives = Initiatives
cms-initiative = Initiative
cms-lessons = Lessons
cms-lesson = Lesson
cms-pattern-started = a year (2014) or a date (2013-04-10)
cms-label-body = Text
cms-hint-body = The lesson or profile itself: what happened, what it brought, what others can learn from it.
cms-label-title = Title
cms-hint-title = One short sentence; the file name is made from it.
cms-label-summary = Summary
cms-hint-summary = One sentence that says what the initiative does.
cms-label-region = Municipality or region
cms-hint-region = Where the initiative works.
cms-label-themes = Themes
cms-hint-themes = Choose at least one theme the text is about.
cms-label-stakeholders = Stakeholder levels
cms-hint-stakeholders = For whom: from resident and informal carer to director and financier. At least one.
cms-label-financing = Financing models
cms-hint-financing = How the work is paid for.
cms-label-domains = Financing domains
cms-hint-domains = The laws the money comes through (Wmo, Zvw, Wlz, …). Not required.
cms-label-started = Start
cms-hint-started = The year (2014) or date (2013-04-10) it started. Leave empty when unknown.
cms-label-phase = Phase
cms-hint-phase = How far the initiative is. Leave empty when unknown.
cms-label-evidence = Strength of evidence
cms-hint-evidence = What the results rest on. Leave empty when unknown.
cms-label-organisations = Organisations
cms-hint-organisations = The organisations taking part, separated by commas.
cms-label-outcomes = Measured outcomes
cms-hint-outcomes = A measure with a number before and after.
cms-label-outcomes-measure = Measure
cms-hint-outcomes-measure = What was measured.
cms-label-outcomes-before = Before
cms-hint-outcomes-before = The number before.
cms-label-outcomes-after = After
cms-hint-outcomes-after = The number after.
cms-label-outcomes-unit = Unit
cms-hint-outcomes-unit = For example "mark 1-10" or "%".
cms-label-outcomes-source = Source
cms-hint-outcomes-source = Where the numbers come from.
cms-label-figures = Key figures
cms-hint-figures = A label and a value, such as "Participants: 300+".
cms-label-figures-label = Label
cms-hint-figures-label = What the figure is.
cms-label-figures-value = Value
cms-hint-figures-value = The figure, as text.
cms-label-links = Further reading
cms-hint-links = Web pages about the initiative.
cms-label-links-title = Title
cms-hint-links-title = The name of the page.
cms-label-links-url = Web address
cms-hint-links-url = Starting with https://
cms-label-contact = Contact
cms-hint-contact = Who to ask about the initiative. Not required.
cms-label-contact-name = Name
cms-hint-contact-name = A person, or leave empty.
cms-label-contact-organisation = Organisation
cms-hint-contact-organisation = The organisation to contact.
cms-label-contact-url = Web address
cms-hint-contact-url = Starting with https://
cms-label-last-reviewed = Last checked
cms-hint-last-reviewed = When this profile was last checked.
cms-label-added = Added on
cms-hint-added = The date the lesson was added.
cms-label-initiative = Initiative
cms-hint-initiative = The initiative the lesson comes from: type part of its name or region.
cms-label-kind = Kind
cms-hint-kind = A lesson, a success, a bottleneck, a tip or a failure.
cms-label-source = Source
cms-hint-source = Where the lesson comes from: a report, a person, a web address. Not required.

## Site settings ([display])
display-not-static = [display] { $key } `{ $file }` is not a file in static/
hint-display-static = put the image in the static/ folder and give its name relative to it

## Spreadsheets (import, export, new sheet)
sheet-unknown-file-type = unknown file type; use an .xlsx, .ods or .csv file
sheet-cannot-open = cannot open the file: { $error }
sheet-not-a-spreadsheet = this is not a readable { $kind } file ({ $error }); is it damaged, or does it have the wrong extension?
sheet-crashed = the file is damaged and cannot be read
sheet-too-large = the file is { $mb } MB, more than the limit of { $max } MB
sheet-too-many-rows = the sheet has more than { $max } rows; split it into smaller sheets
sheet-not-utf8 = the CSV file is not UTF-8 text; save it as "CSV UTF-8"
sheet-binary-csv = the CSV file contains binary data (NUL characters); is it really a CSV file?
sheet-csv-error = the CSV file cannot be read: { $error }
sheet-no-sheet = there is no sheet "{ $name }"; the sheets are called: { $sheets }
sheet-no-sheets = the file has no sheets
sheet-empty = the sheet is empty: expected a header row with column names and one row per lesson below it
sheet-no-rows = the sheet has a header row but no rows with lessons
sheet-unknown-column-suggest = unknown column "{ $name }"; did you mean "{ $s }"?
sheet-unknown-column = unknown column "{ $name }"; known columns are: { $all }
sheet-duplicate-column = this column appears twice (also "{ $first }"); keep one
sheet-missing-column = the column "{ $nl }" (or "{ $field }") is missing
sheet-cell-without-header = column { $col } has no header but this row has something in it
sheet-formula-error = the cell holds a formula error ({ $error })
sheet-same-slug = this lesson gets the same file name "{ $slug }.md" as row { $row }; make one of the titles different
sheet-title-without-letters = the title has no letters or digits to make a file name from
sheet-exists = { $path } already exists; use --update to write the file from this row again
sheet-cannot-write = cannot write { $path }: { $error }
sheet-site-problems = note: the site itself has { $n } other problems; see `leernet check`
sheet-summary = written: { $new } new, { $changed } updated, { $unchanged } unchanged
sheet-summary-dry-run = would write: { $new } new, { $changed } updated, { $unchanged } unchanged
sheet-failed = { $n ->
    [one] 1 problem
   *[other] { $n } problems
} found; nothing was written (with --skip-invalid the good rows are written)
sheet-skipped = skipped rows ({ $n }): { $rows }
sheet-status-new = new
sheet-status-changed = updated
sheet-status-unchanged = unchanged
sheet-unknown-term = unknown term "{ $term }"
sheet-no-initiative = there is no initiative "{ $value }"
sheet-bad-choice = "{ $value }" is not an allowed value
sheet-bad-date = "{ $value }" is not a valid date; write e.g. 2026-03-12 or 12-3-2026
sheet-terms-needed = fill in at least one term
sheet-title-missing = the title is missing
sheet-required-empty = this column is required but empty
sheet-body-missing = the text is missing
sheet-slug-used = this title gives the file name "{ $slug }.md", but that is already used by { $other }
sheet-broken-link = broken link in the text: there is no file "{ $target }"
sheet-broken-anchor = broken link in the text: "{ $target }" has no heading "{ $anchor }"
sheet-did-you-mean = { $text }; did you mean { $s }?
sheet-at-body-line = { $message } (line { $line } of the text)
sheet-unknown-export-type = unknown file type; export to an .xlsx or .csv file
sheet-file-exists = { $path } already exists; choose another name or remove it first
sheet-cell-too-long = the text of { $what } is too long for an Excel cell (more than 32,767 characters); export to .csv
sheet-cannot-save = cannot write { $path }: { $error }
sheet-site-has-problems = the site has { $n } problems; fix them first (see `leernet check`)
sheet-unpacks-too-large = the file unpacks to { $mb } MB, more than the limit of { $max } MB
sheet-too-many-cells = the sheet spans { $cells } cells (repeated rows or columns), more than the limit of { $max }

## leernet diff (what a pull request changes on the site)
diff-headline = { $added ->
    [one] 1 page
   *[other] { $added } pages
} added, { $removed } removed, { $changed } changed, { $lists } changed only in their lists; other files: { $oadded } added, { $oremoved } removed, { $ochanged } changed
diff-group-added = Added
diff-group-removed = Removed
diff-group-changed = Changed
diff-group-lists = Changed only in their lists (lesson and initiative cards, counts)
diff-none = No changes: the two builds are the same.
diff-more = … and { $n } more
diff-md-title = What this pull request changes on the site
diff-col-page = page
diff-col-title = title

## The command line's help (leernet --help)
help-usage = Usage
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-help = Print help
help-version = Print version
help-about = Builds the learning-network site from initiatives and lessons
help-root = The site folder (holding config.toml, initiatives/ and lessons/); else the nearest folder with a config.toml
help-quiet = Print only errors
help-lang = Language of the messages, nl or en (default: the site's `language`, else nl)
help-check = Check every content file and report all problems; writes nothing
help-check-format = How problems are shown: human (file:line:col; the default), github (GitHub annotations) or json
help-check-sources = Also warn about runs of 8+ words shared with a text file in DIR (overrides [content] sources)
help-check-deny-warnings = Fail (exit code 1) on warnings too
help-build = Check, then build the site into the output folder (atomically)
help-build-output = Output folder (default: <root>/public)
help-build-base-url = Overrides base_url from config.toml
help-build-portable = Relative links ending in index.html, for use from a folder or file://
help-build-zip = Also write the portable site as one zip file to hand out (implies --portable)
help-serve = Build into memory, serve on http://127.0.0.1:1111, rebuild on every change, reload the browser
help-serve-port = Port (default: 1111)
help-serve-interface = Address to listen on (default: 127.0.0.1: only this machine can connect)
help-serve-open = Open the site in the default browser
help-diff = List the pages added, removed and changed between two builds (for pull-request reviews)
help-diff-old = The output folder of the earlier build (e.g. of the base branch)
help-diff-new = The output folder of the later build (e.g. of the pull request)
help-diff-format = text (plain text; the default) or markdown (for a pull-request comment or a job summary)
help-import = Write one lesson file per row of a spreadsheet (.xlsx, .ods or .csv)
help-import-file = The spreadsheet
help-import-sheet = The sheet to read (default: the first)
help-import-update = Rewrite lesson files that exist from their row
help-import-skip-invalid = Write the valid rows and list the skipped ones
help-import-dry-run = Print what would be written; write nothing
help-export = Write every lesson and initiative to a spreadsheet (.xlsx, or .csv files)
help-export-file = The file to write
help-new = Write a ready-to-fill lesson or initiative file, or an empty import sheet
help-new-lesson = lessons/<initiative>/<slug>.md
help-new-lesson-initiative = Slug of the initiative the lesson belongs to
help-new-lesson-title = The lesson's title
help-new-initiative = initiatives/<slug>.md
help-new-initiative-title = The initiative's name
help-new-sheet = An empty import sheet (.xlsx) with drop-down lists and the allowed values
help-new-sheet-file = The .xlsx file to write
