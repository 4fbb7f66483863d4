/** The inline stylesheet of the HTML export (html.ts): colours by bead flag and by kind of mark. */
export const HTML_STYLE = `
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 1.5em; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.3em; margin: 0 0 .6em; }
table { border-collapse: collapse; }
.figures td, .figures th { border: 1px solid #ccc; padding: .25em .6em; text-align: right; }
.figures th { background: #f3f3f3; }
.summary { margin: .8em 0 1.2em; }
.beads { width: 100%; table-layout: fixed; }
.beads th { background: #f3f3f3; border-bottom: 2px solid #999; padding: .3em; }
.beads td { border-bottom: 1px solid #ddd; padding: .45em .6em; vertical-align: top; line-height: 1.5; }
.beads .n { width: 2.5em; color: #777; text-align: right; }
.beads .flag { width: 7.5em; font-size: .8em; color: #555; }
td[lang="ar"], th[lang="ar"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif; font-size: 1.12em; text-align: right; }
tr.aligned td { background: #f6fbf3; }
tr.aligned td.n { border-left: 4px solid #4c9a2a; }
tr.source-only td, tr.target-only td, .key.one-sided { background: #fde2cf; }
tr.source-only td.n, tr.target-only td.n, .key.one-sided { border-left: 4px solid #d9480f; }
tr.boilerplate td, .key.boilerplate { background: #eee; color: #999; }
tr.boilerplate td { font-size: .85em; }
.key { padding: 0 .3em; }
/* The review draws these as yellow and red highlights (ui/theme.ts MARK_STYLE). */
.legend { margin: -.6em 0 1.2em; font-size: .9em; color: #444; }
.legend .item { white-space: nowrap; }
mark.gap { background: #ffe98a; }
mark.diff { background: #ff9aa2; outline: 1px solid #c00; }
mark.gap.diff { background: #ff9aa2; text-decoration: underline wavy #b08800; }
`;
