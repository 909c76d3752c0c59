// The review page's script. The records are in JSON blocks after each document (record
// N of the page is the `data-id` N of its highlights) and are read only when needed.
// The script answers clicks on highlights (the record's fields in the details panel),
// the type filters, the search box and the section tree. It builds everything with DOM
// calls: no text of a record is ever read as HTML.
(function () {
  "use strict";
  const started = performance.now();
  const root = document.documentElement;
  const body = document.body;

  // A number that a double cannot hold as written (a large amount) keeps its digits.
  function Exact(source) {
    this.source = source;
  }
  Exact.prototype.toJSON = function () {
    return JSON.rawJSON ? JSON.rawJSON(this.source) : Number(this.source);
  };
  function exact(key, value, context) {
    if (typeof value === "number" && context && typeof context.source === "string" &&
        String(value) !== context.source) {
      return new Exact(context.source);
    }
    return value;
  }

  // The records are read when first needed, so that opening the page costs no more
  // than showing its text: one record, from its own line of its document's block, for
  // a click; all of them at once for a search. Each block is `[`, one record a line
  // (the first at `data-first`), `]`.
  const blocks = Array.from(document.querySelectorAll("script.records")).map(function (el) {
    return { el: el, first: Number(el.dataset.first), lines: null };
  });
  function blockOf(id) {
    let lo = 0;
    let hi = blocks.length - 1;
    if (hi < 0 || id < blocks[0].first) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid].first <= id) lo = mid;
      else hi = mid - 1;
    }
    return blocks[lo];
  }
  const cache = [];
  function record(id) {
    if (cache[id] === undefined) {
      const b = blockOf(id);
      if (!b) return null;
      if (!b.lines) b.lines = b.el.textContent.split("\n");
      const line = b.lines[id - b.first + 1] || "";
      cache[id] = line.startsWith("{") ? JSON.parse(line.replace(/,$/, ""), exact) : null;
    }
    return cache[id];
  }
  let records = null;
  function allRecords() {
    if (!records) {
      records = [];
      for (const b of blocks) {
        JSON.parse(b.el.textContent).forEach(function (r, i) {
          records[b.first + i] = r;
        });
      }
    }
    return records;
  }
  // Each record's highlights: one, or several when its span crosses another's.
  let fragmentMap = null;
  function fragments(id) {
    if (!fragmentMap) {
      fragmentMap = [];
      for (const m of document.querySelectorAll("#documents mark[data-id]")) {
        const n = Number(m.dataset.id);
        (fragmentMap[n] || (fragmentMap[n] = [])).push(m);
      }
    }
    return fragmentMap[id] || [];
  }

  const panel = document.getElementById("details");
  const search = document.getElementById("search");
  const status = document.getElementById("status");
  const counts = Array.from(document.querySelectorAll("#filters .count"));
  const hidden = new Set();
  let matches = null; // ids matching the search, in page order; null without a search
  let cursor = -1; // the match Enter last went to
  let selected = null;

  function show(value) {
    if (value === null || value === undefined) return "null";
    if (value instanceof Exact) return value.source;
    if (typeof value === "string") return value;
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  // A few words on a record, for tooltips and lists.
  function gist(r) {
    switch (r.type) {
      case "section": return (r.number ? r.number + ". " : "") + r.path[r.path.length - 1];
      case "country": return r.name + " (" + r.code + ")";
      case "organization": return r.name + (r.acronym ? " (" + r.acronym + ")" : "");
      case "person": return [r.name].concat(r.titles || []).join(", ");
      case "date": return (r.values || []).join(", ") || "no valid date";
      case "event": return r.kind + ", " + ((r.date && r.date.values) || []).join(", ");
      case "money": return (r.amount !== undefined ? show(r.amount) : r.vague ? "vague" : show(r.min) + "–" + show(r.max)) + " " + r.currency;
      case "percent": return (r.value !== undefined ? show(r.value) : r.vague ? "vague" : show(r.min) + "–" + show(r.max)) + (r.unit === "percentage_point" ? " pp" : "%");
      default: return r.text;
    }
  }

  function chip(type) {
    const c = document.createElement("span");
    c.className = "chip";
    c.dataset.type = type;
    c.textContent = type;
    return c;
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  // The records around a record's highlights (the clause of an event around a date)
  // and inside them (the dates and people of an event).
  function related(id) {
    const outer = [];
    const inner = [];
    const seen = new Set([id]);
    const own = fragments(id);
    if (own.length) {
      for (let m = own[0].parentElement.closest("mark[data-id]"); m; m = m.parentElement.closest("mark[data-id]")) {
        const o = Number(m.dataset.id);
        if (!seen.has(o)) { seen.add(o); outer.push(o); }
      }
    }
    for (const f of own) {
      for (const m of f.querySelectorAll("mark[data-id]")) {
        const o = Number(m.dataset.id);
        if (!seen.has(o)) { seen.add(o); inner.push(o); }
      }
    }
    return [outer, inner];
  }

  function relatedList(title, ids) {
    const box = document.createDocumentFragment();
    if (!ids.length) return box;
    box.append(element("h3", title));
    const list = element("div", undefined, "related");
    for (const o of ids.slice(0, 100)) {
      const r = record(o);
      if (!r) continue;
      const b = element("button");
      b.type = "button";
      b.dataset.id = String(o);
      b.append(chip(r.type), element("span", r.text.replace(/\s+/g, " "), "snippet"));
      b.title = gist(r);
      list.append(b);
    }
    box.append(list);
    return box;
  }

  function showDetails(id) {
    const r = record(id);
    if (!r) return;
    const heading = element("h2");
    heading.append(chip(r.type), " record " + id);
    const table = element("table");
    for (const [key, value] of Object.entries(r)) {
      const row = element("tr");
      row.dataset.field = key;
      row.append(element("th", key), element("td", show(value), "value"));
      table.append(row);
    }
    const [outer, inner] = related(id);
    panel.replaceChildren(heading, table, relatedList("Within", outer), relatedList("Contains", inner));
    panel.dataset.id = String(id);
    panel.scrollTop = 0;
  }

  function select(id, scroll, block) {
    if (selected !== null) {
      for (const f of fragments(selected)) f.classList.remove("selected");
    }
    selected = id;
    const own = fragments(id);
    for (const f of own) f.classList.add("selected");
    if (scroll && own.length) reveal(own[0], block || "center");
    showDetails(id);
  }

  // Scrolls to a highlight. The blocks that come on screen are laid out only then, and
  // their height may differ from the estimate they had: scrolled again for a few frames
  // until the layout has settled.
  function reveal(el, block) {
    let frames = 3;
    const scroll = function () {
      el.scrollIntoView({ block: block });
      if (frames-- > 0) requestAnimationFrame(scroll);
    };
    scroll();
  }

  // The innermost highlight at an element whose type is shown.
  function shownMark(el) {
    let m = el && el.closest ? el.closest("mark[data-id]") : null;
    while (m && hidden.has(m.dataset.type)) m = m.parentElement.closest("mark[data-id]");
    return m;
  }

  document.getElementById("documents").addEventListener("click", function (e) {
    const m = shownMark(e.target);
    if (m) select(Number(m.dataset.id), false);
  });
  document.getElementById("documents").addEventListener("mouseover", function (e) {
    const m = shownMark(e.target);
    if (m && !m.title) {
      const r = record(Number(m.dataset.id));
      if (r) m.title = r.type + ": " + gist(r);
    }
  });
  panel.addEventListener("click", function (e) {
    const b = e.target.closest("button[data-id]");
    if (b) select(Number(b.dataset.id), true);
  });
  document.getElementById("sections").addEventListener("click", function (e) {
    const a = e.target.closest("a[data-id]");
    if (!a || !fragments(Number(a.dataset.id)).length) return;
    e.preventDefault();
    for (const c of document.querySelectorAll("#sections a.current")) c.classList.remove("current");
    a.classList.add("current");
    history.replaceState(null, "", a.getAttribute("href"));
    select(Number(a.dataset.id), true, "start");
  });

  // The counts: per type, the records (or the matches out of them), and in the
  // status line those whose type is shown.
  function updateCounts() {
    const perType = {};
    if (matches) {
      for (const id of matches) perType[records[id].type] = (perType[records[id].type] || 0) + 1;
    }
    let shown = 0;
    let total = 0;
    for (const c of counts) {
      const type = c.dataset.type;
      const n = Number(c.dataset.total);
      const m = matches ? perType[type] || 0 : n;
      total += n;
      c.textContent = matches ? m + "/" + n : String(n);
      if (!hidden.has(type)) shown += m;
    }
    status.dataset.shown = String(shown);
    status.dataset.total = String(total);
    status.textContent = matches
      ? shown + " matching records shown (" + total + " in all)"
      : shown === total ? total + " records" : shown + " of " + total + " records shown";
  }

  document.getElementById("filters").addEventListener("change", function (e) {
    const box = e.target;
    if (!box.matches("input[type=checkbox]")) return;
    if (box.checked) hidden.delete(box.value);
    else hidden.add(box.value);
    body.classList.toggle("hide-" + box.value, !box.checked);
    updateCounts();
  });

  // Search: each record's text and field values (not its document or offsets), in
  // lower case without accents, so `viet` finds `Việt`.
  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  let haystacks = null;
  function haystack(id) {
    if (!haystacks) haystacks = [];
    if (haystacks[id] === undefined) {
      const words = [];
      const walk = function (v) {
        if (v === null || v === undefined) return;
        if (v instanceof Exact) words.push(v.source);
        else if (typeof v === "object") for (const x of Object.values(v)) walk(x);
        else words.push(String(v));
      };
      for (const [key, value] of Object.entries(records[id])) {
        if (key !== "doc" && key !== "span" && key !== "sentence" && key !== "type") walk(value);
      }
      haystacks[id] = fold(words.join("\n"));
    }
    return haystacks[id];
  }

  function runSearch() {
    allRecords();
    if (matches) for (const id of matches) for (const f of fragments(id)) f.classList.remove("hit");
    const q = fold(search.value.trim());
    cursor = -1;
    if (!q) {
      matches = null;
      body.classList.remove("searching");
      updateCounts();
      return;
    }
    matches = [];
    for (let id = 0; id < records.length; id++) {
      if (records[id] && haystack(id).includes(q)) matches.push(id);
    }
    for (const id of matches) for (const f of fragments(id)) f.classList.add("hit");
    body.classList.add("searching");
    updateCounts();
  }

  let pending = null;
  search.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(runSearch, 120);
  });
  search.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    if (pending !== null) {
      clearTimeout(pending);
      pending = null;
      runSearch();
    }
    if (!matches) return;
    const shown = matches.filter(function (id) { return !hidden.has(records[id].type); });
    if (!shown.length) return;
    cursor = e.shiftKey ? (cursor <= 0 ? shown.length - 1 : cursor - 1) : (cursor + 1) % shown.length;
    select(shown[cursor], true);
  });

  updateCounts();
  // How long the page took: to the end of this script, and to the next frame drawn.
  const ready = performance.now();
  root.dataset.scriptMs = (ready - started).toFixed(1);
  root.dataset.readyMs = ready.toFixed(1);
  requestAnimationFrame(function () {
    setTimeout(function () {
      root.dataset.paintedMs = performance.now().toFixed(1);
    }, 0);
  });
})();
