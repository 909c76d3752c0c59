"""The review page in a real browser (headless Chromium through Playwright).

Takes the page `bluebook review` made for a document, the JSON Lines `bluebook extract`
made for the same document, and the document itself; checks what a person would see and
do: the page loads nothing from outside, renders in under a second, marks every record
in place with one highlight id per record, shows a money record's amount when it is
clicked, hides a type when its filter is unchecked, finds records by text and by field
value, and jumps to a section from the sidebar. Saves a screenshot. Prints each check;
exits non-zero when one fails.

    python test_review.py --page report.html --records records.jsonl \
        --text doc.txt --screenshot review.png [--chromium /usr/bin/chromium]
"""

import argparse
import collections
import json
import sys
import time
import traceback
import unicodedata
from pathlib import Path

from playwright.sync_api import sync_playwright

# Without the flags against background networking, Chromium's own connections are
# refused on a closed network and slow it down.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RENDER_BUDGET_MS = 1000.0
TRANSPARENT = "rgba(0, 0, 0, 0)"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", required=True, type=Path)
    parser.add_argument("--records", required=True, type=Path)
    parser.add_argument("--text", required=True, type=Path)
    parser.add_argument("--screenshot", required=True, type=Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    return parser.parse_args()


def read_records(path):
    """The records, and each one's numbers as written (so that a large amount compares
    digit for digit)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    exact = [json.loads(line, parse_int=str, parse_float=str) for line in lines]
    return records, exact


def fold(s):
    """Lower case without accents, as the page's search folds."""
    decomposed = unicodedata.normalize("NFD", s)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


def search_words(record):
    """What the page's search reads of a record: its text and field values, not its
    document, offsets or type."""
    words = []

    def walk(v):
        if v is None:
            return
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, bool):
            words.append("true" if v else "false")
        else:
            words.append(str(v))

    for key, value in record.items():
        if key not in ("doc", "span", "sentence", "type"):
            walk(value)
    return fold("\n".join(words))


# Distinct highlight ids per type, and each id's type and text (its fragments joined).
HIGHLIGHTS_JS = """() => {
  const byId = {};
  for (const m of document.querySelectorAll('#documents mark[data-id]')) {
    const id = m.dataset.id;
    const seen = byId[id];
    if (seen) {
      if (seen.type !== m.dataset.type) seen.type = 'MIXED';
      if (!m.parentElement.closest('mark[data-id="' + id + '"]')) seen.text += m.textContent;
    } else {
      byId[id] = { type: m.dataset.type, text: m.textContent };
    }
  }
  return byId;
}"""


class Checks:
    def __init__(self, page, records, exact, text, screenshot):
        self.page = page
        self.records = records
        self.exact = exact
        self.text = text
        self.screenshot = screenshot
        self.counts = collections.Counter(r["type"] for r in records)
        self.outside = []
        self.errors = []

    def visible_ids(self, type_name):
        """Highlights of a type whose background is not transparent."""
        return self.page.evaluate(
            """(type) => Array.from(document.querySelectorAll('#documents mark[data-type="' + type + '"]'))
                 .filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length""",
            type_name,
        )

    def in_view(self, record, top, bottom):
        """Whether the first highlight of `record` starts between these fractions of
        the height of the documents' pane."""
        return self.page.evaluate(
            """([id, top, bottom]) => {
                 const m = document.querySelector('#documents mark[data-id="' + id + '"]');
                 const box = document.getElementById('documents').getBoundingClientRect();
                 const r = m.getBoundingClientRect();
                 return r.top >= box.top + top * box.height - 2 && r.top <= box.top + bottom * box.height; }""",
            [record, top, bottom],
        )

    def status(self):
        return self.page.evaluate(
            """() => { const s = document.getElementById('status');
                       return { shown: Number(s.dataset.shown), total: Number(s.dataset.total), text: s.textContent }; }"""
        )

    def check_loads_nothing_from_outside(self):
        assert not self.outside, f"requests leaving the file: {self.outside}"
        assert not self.errors, f"errors on the page: {self.errors}"
        srcs = self.page.evaluate(
            """() => Array.from(document.querySelectorAll('[src], link[href]'))
                 .map(e => e.getAttribute('src') || e.getAttribute('href'))"""
        )
        assert not srcs, f"resources named in the page: {srcs}"
        print(f"  no request but the file itself; no resource named; no script error")

    def check_render_time(self):
        timing = self.page.evaluate(
            """() => { const n = performance.getEntriesByType('navigation')[0];
                       const d = document.documentElement.dataset;
                       return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
                                painted: Number(d.paintedMs), script: Number(d.scriptMs) }; }"""
        )
        slowest = max(timing["load"], timing["painted"])
        print(
            f"  render time: DOMContentLoaded {timing['dcl']:.0f} ms, load {timing['load']:.0f} ms, "
            f"first frame after the script {timing['painted']:.0f} ms (script {timing['script']:.1f} ms)"
        )
        assert slowest < RENDER_BUDGET_MS, f"the page took {slowest:.0f} ms to render"

    def check_one_highlight_per_record(self):
        by_id = self.page.evaluate(HIGHLIGHTS_JS)
        per_type = collections.Counter(v["type"] for v in by_id.values())
        assert per_type == self.counts, f"highlights {dict(per_type)} != records {dict(self.counts)}"
        assert sorted(int(i) for i in by_id) == list(range(len(self.records)))
        for i, r in enumerate(self.records):
            seen = by_id[str(i)]
            assert seen["type"] == r["type"], f"record {i}: {seen['type']} != {r['type']}"
            assert seen["text"] == r["text"], f"record {i}: highlighted {seen['text']!r} != {r['text']!r}"
        labels = self.page.evaluate(
            """() => Object.fromEntries(Array.from(document.querySelectorAll('#filters .count'))
                 .map(c => [c.dataset.type, Number(c.textContent)]))"""
        )
        for t, n in labels.items():
            assert n == self.counts.get(t, 0), f"count shown for {t}: {n} != {self.counts.get(t, 0)}"
        status = self.status()
        assert status["shown"] == status["total"] == len(self.records), status
        print(
            "  distinct highlight ids per type = records per type in the JSON Lines: "
            + ", ".join(f"{t} {n}" for t, n in sorted(per_type.items()))
        )
        print(f"  all {len(self.records)} records highlighted, each exactly over its text; the counts shown agree")

    def check_text_is_the_document(self):
        shown = self.page.evaluate("() => document.querySelector('article.doc .text').textContent")
        assert shown == self.text, "the text on the page differs from the document"
        print(f"  the page's text is the document's, {len(self.text)} characters")

    def check_click_money_shows_its_amount(self):
        candidates = [i for i, r in enumerate(self.records) if r["type"] == "money" and r.get("amount") is not None]
        assert candidates, "no money record with an amount"
        # One whose highlight is one box on one line, so a click at its centre lands on it.
        chosen = self.page.evaluate(
            """(ids) => ids.find(id => {
                 const f = document.querySelectorAll('#documents mark[data-id="' + id + '"]');
                 return f.length === 1 && f[0].getClientRects().length === 1 && !f[0].querySelector('mark'); })""",
            candidates,
        )
        assert chosen is not None, "no money highlight on one line"
        mark = self.page.locator(f'#documents mark[data-id="{chosen}"]')
        mark.scroll_into_view_if_needed()
        mark.click()
        field = lambda name: self.page.locator(f'#details tr[data-field="{name}"] td').text_content()
        amount = field("amount")
        expected = self.exact[chosen]["amount"]
        assert amount == expected, f"details panel amount {amount!r} != JSON Lines {expected!r}"
        assert field("type") == "money"
        assert field("text") == self.records[chosen]["text"]
        assert field("currency") == self.records[chosen]["currency"]
        selected = self.page.evaluate(
            """() => Array.from(document.querySelectorAll('mark.selected')).map(m => m.dataset.id)"""
        )
        assert selected == [str(chosen)], selected
        print(
            f"  clicked money record {chosen} ({self.records[chosen]['text']!r}): the details panel "
            f"shows amount {amount} {field('currency')}, as the JSON Lines say"
        )

    def check_type_filter(self):
        kind = "money"
        n = self.counts[kind]
        before = self.visible_ids(kind)
        assert before > 0, "money highlights are not coloured"
        self.page.locator(f'#filters input[value="{kind}"]').uncheck()
        after = self.visible_ids(kind)
        status = self.status()
        assert after == 0, f"{after} money highlights still coloured"
        assert status["shown"] == len(self.records) - n, status
        assert str(len(self.records) - n) in status["text"], status
        others = self.visible_ids("country")
        assert others > 0, "unchecking money hid the countries"
        self.page.locator(f'#filters input[value="{kind}"]').check()
        again = self.visible_ids(kind)
        assert again == before, f"{again} money highlights coloured again, {before} before"
        assert self.status()["shown"] == len(self.records), self.status()
        print(
            f"  unchecking {kind}: {before} coloured highlights -> {after}, status "
            f"{status['text']!r}; checking it again restores {again}"
        )

    def search(self, query):
        box = self.page.locator("#search")
        box.fill(query)
        box.press("Enter")
        self.page.wait_for_function("() => document.body.classList.contains('searching')")
        expected = [i for i, r in enumerate(self.records) if fold(query) in search_words(r)]
        hits = self.page.evaluate(
            """() => Array.from(new Set(Array.from(document.querySelectorAll('#documents mark.hit'))
                 .map(m => Number(m.dataset.id)))).sort((a, b) => a - b)"""
        )
        status = self.status()
        assert hits == expected, (
            f"{query!r}: {len(hits)} hits, {len(expected)} expected; only on the page "
            f"{sorted(set(hits) - set(expected))[:5]}, only expected {sorted(set(expected) - set(hits))[:5]}"
        )
        assert status["shown"] == len(expected), status
        # Enter went to the first match: selected, with its fields shown.
        shown_id = self.page.locator("#details").get_attribute("data-id")
        assert shown_id is not None and int(shown_id) == expected[0], (shown_id, expected[0])
        return expected, status

    def check_search(self):
        # By text.
        expected, status = self.search("japan")
        assert expected, "nothing mentions Japan"
        types = collections.Counter(self.records[i]["type"] for i in expected)
        print(f"  search 'japan': {len(expected)} records ({dict(types)}), status {status['text']!r}")
        # By a field value that is not in any text.
        expected, status = self.search("trade_turnover")
        assert expected and all("trade_turnover" not in self.records[i]["text"] for i in expected)
        assert all(self.records[i].get("metric") == "trade_turnover" for i in expected)
        dimmed = self.page.evaluate(
            """() => Array.from(document.querySelectorAll('#documents mark:not(.hit)'))
                 .filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length"""
        )
        assert dimmed == 0, f"{dimmed} records that do not match still coloured"
        print(f"  search 'trade_turnover' (a field value): {len(expected)} records, the others faded")
        # Cleared: all back.
        self.page.locator("#search").fill("")
        self.page.wait_for_function("() => !document.body.classList.contains('searching')")
        assert self.status()["shown"] == len(self.records)
        print("  search cleared: every record shown again")

    def check_sidebar_jumps_to_sections(self):
        sections = [i for i, r in enumerate(self.records) if r["type"] == "section"]
        links = self.page.locator("#sections a[data-id]")
        assert links.count() == len(sections), f"{links.count()} links != {len(sections)} sections"
        target = sections[len(sections) * 2 // 3]
        self.page.locator(f'#sections a[data-id="{target}"]').click()
        self.page.wait_for_timeout(300)
        assert self.in_view(target, 0.0, 0.3), "the heading is not at the top after its link was clicked"
        path = self.page.locator('#details tr[data-field="path"] td').text_content()
        title = self.records[target]["path"][-1]
        assert json.loads(path) == self.records[target]["path"], path
        print(f"  {len(sections)} sections in the sidebar; its link jumps to {title!r} and shows it")

    def take_screenshot(self):
        # An event holding other records, its fields in the panel.
        by_id = self.page.evaluate(
            """() => Array.from(document.querySelectorAll('#documents mark[data-type="event"]'))
                 .filter(m => m.querySelectorAll('mark[data-type="person"]').length >= 1
                           && m.querySelectorAll('mark[data-type="money"], mark[data-type="percent"]').length >= 1)
                 .map(m => Number(m.dataset.id))"""
        )
        target = by_id[0] if by_id else next(i for i, r in enumerate(self.records) if r["type"] == "event")
        # Scrolled again while the blocks coming on screen are laid out.
        self.page.evaluate(
            """async (id) => { const m = document.querySelector('#documents mark[data-id="' + id + '"]');
                               for (let i = 0; i < 4; i++) {
                                 m.scrollIntoView({ block: 'center' });
                                 await new Promise(r => requestAnimationFrame(r)); } }""",
            target,
        )
        # Clicked where no nested record is: the event itself is selected.
        self.page.evaluate(
            """(id) => document.querySelector('#documents mark[data-id="' + id + '"]')
                 .dispatchEvent(new MouseEvent('click', { bubbles: true }))""",
            target,
        )
        assert self.page.locator("#details").get_attribute("data-id") == str(target)
        self.page.wait_for_timeout(200)
        assert self.in_view(target, 0.1, 0.9), "the event is not on screen"
        self.screenshot.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.screenshot))
        print(f"  screenshot of event record {target} selected: {self.screenshot}")


def main():
    args = parse_args()
    records, exact = read_records(args.records)
    text = args.text.read_bytes().decode("utf-8")
    url = args.page.resolve().as_uri()
    passed, failed = 0, 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            checks = Checks(page, records, exact, text, args.screenshot)
            page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else checks.outside.append(r.url))
            page.on("pageerror", lambda e: checks.errors.append(str(e)))
            page.on("console", lambda m: checks.errors.append(m.text) if m.type == "error" else None)
            started = time.monotonic()
            page.goto(url, wait_until="load")
            page.wait_for_function("() => document.documentElement.dataset.paintedMs")
            print(f"opened {url} ({args.page.stat().st_size} bytes) in {1000 * (time.monotonic() - started):.0f} ms")
            steps = [
                ("render time", checks.check_render_time),
                ("nothing loaded from outside", checks.check_loads_nothing_from_outside),
                ("one highlight per record", checks.check_one_highlight_per_record),
                ("text is the document", checks.check_text_is_the_document),
                ("click shows the record", checks.check_click_money_shows_its_amount),
                ("type filter", checks.check_type_filter),
                ("search", checks.check_search),
                ("sidebar", checks.check_sidebar_jumps_to_sections),
                ("screenshot", checks.take_screenshot),
                ("no error at the end", checks.check_loads_nothing_from_outside),
            ]
            for name, step in steps:
                print(f"{name}:")
                try:
                    step()
                    passed += 1
                except Exception:  # a failed assert, or the page not answering
                    failed += 1
                    print(f"FAILED: {name}")
                    traceback.print_exc(file=sys.stdout)
        finally:
            browser.close()
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
