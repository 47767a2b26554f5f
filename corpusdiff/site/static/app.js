/* corpusdiff static site. Everything here only enhances pages that are whole without script:
   the diff page's part switcher, filters, side-by-side/inline view, next/previous change and
   change map; the pair picker; offline search with highlighted hits; term filters. No network. */
"use strict";

/* Traditional characters read as simplified (search-fold.js, site/search.py `fold_script`): OpenCC's
   simplified form of each character alone, for those whose simplified form the corpus holds. */
function corpusdiffPairs(pairs) {
  /* "顯显著着…": each character before its simplified form. */
  var map = {};
  for (var i = 0; i + 1 < pairs.length; i += 2) map[pairs.charAt(i)] = pairs.charAt(i + 1);
  return map;
}
var corpusdiffFolded = corpusdiffPairs(window.CORPUSDIFF_FOLD || "");

function corpusdiffTerm(term) {
  /* A term as the page matches it: for each of its characters, the characters that match it there
     (itself, and its simplified form when it is traditional), so 經濟 finds 经济 and 顯著 finds 显著. */
  return term.split("").map(function (c) { return c + (corpusdiffFolded[c] || ""); });
}

var CORPUSDIFF_INDEXED = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9A-Za-z]+/g;

function corpusdiffKeys(term) {
  /* As search.query_keys (held to it by tests/site/test_search_browser.py): the keys a text holding
     the term holds, each as the forms a text may hold it in (corpusdiffTerm: a traditional character
     as typed or folded): two adjacent indexed characters of the term, or one that stands alone. */
  var groups = [], seen = {};
  function add(keys) {
    var name = keys.join(" ");
    if (!seen[name]) { seen[name] = true; groups.push(keys); }
  }
  (term.match(CORPUSDIFF_INDEXED) || []).forEach(function (run) {
    var forms = corpusdiffTerm(run.toLowerCase()).map(function (c) { return c.split(""); });
    if (forms.length === 1) add(forms[0]);
    for (var i = 0; i + 1 < forms.length; i++) {
      add([].concat.apply([], forms[i].map(function (a) { return forms[i + 1].map(function (b) { return a + b; }); })));
    }
  });
  return groups;
}

function corpusdiffFind(views, term, from) {
  /* The first place from `from` where every character of the term stands, as one of the characters
     that match it, in one of the views (texts as long as each other) at its place; -1 if none. */
  var n = term.length, length = views[0].length;
  if (views.length === 1 && term.every(function (c) { return c.length === 1; })) return views[0].indexOf(term.join(""), from);
  for (var at = from; at + n <= length; at++) {
    var j = 0;
    while (j < n && corpusdiffHolds(views, term[j], at + j)) j++;
    if (j === n) return at;
  }
  return -1;
}

function corpusdiffHolds(views, matching, at) {
  for (var v = 0; v < views.length; v++) if (matching.indexOf(views[v].charAt(at)) >= 0) return true;
  return false;
}

function corpusdiffMark(root, terms, copyOf, mixed) {
  /* Wrap every occurrence of the terms (corpusdiffTerm) in the text under root in <mark> (text nodes
     only); and where `copyOf(text)` (a simplified copy of a text node, as long) has them, the text's
     own characters there: in the copy alone, or, `mixed`, each character in the text or the copy. */
  if (!terms.length) return 0;
  var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [], count = 0;
  while (walker.nextNode()) nodes.push(walker.currentNode);
  nodes.forEach(function (node) {
    var text = node.nodeValue, ranges = corpusdiffRanges(text, terms, copyOf && copyOf(text), mixed);
    if (!ranges.length) return;
    var fragment = document.createDocumentFragment(), at = 0;
    ranges.forEach(function (r) {
      fragment.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      fragment.appendChild(mark);
      at = r[1];
      count++;
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    node.parentNode.replaceChild(fragment, node);
  });
  return count;
}

function corpusdiffRanges(text, terms, copy, mixed) {
  /* [start, end) of every occurrence of any term in text (or in its copy, as long), overlapping ones merged. */
  var ranges = [], views = [[text]];
  if (copy && copy.length === text.length) views = mixed ? [[text, copy]] : [[text], [copy]];
  views.forEach(function (seen) {
    terms.forEach(function (term) {
      for (var at = corpusdiffFind(seen, term, 0); at >= 0; at = corpusdiffFind(seen, term, at + term.length)) {
        ranges.push([at, at + term.length]);
      }
    });
  });
  ranges.sort(function (a, b) { return a[0] - b[0]; });
  var merged = [];
  ranges.forEach(function (r) {
    var last = merged[merged.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
  });
  return merged;
}

/* --- the diff page ------------------------------------------------------------------------- */
(function () {
  var toolbar = document.querySelector("form.toolbar");
  if (!toolbar) return;
  var body = document.body, parts = Array.prototype.slice.call(document.querySelectorAll("section.part"));
  var switcher = document.querySelector("nav.part-switcher"), map = document.querySelector(".change-map");
  var position = toolbar.querySelector(".position"), current = null, store = {}, revealing = null;
  try { store = window.localStorage || {}; } catch (e) { store = {}; }
  toolbar.hidden = false;
  map.hidden = false;

  function sideBySide(redline) {
    /* The two columns of a one-stream redline: the old without insertions, the new without deletions. */
    var sides = document.createElement("div"), old = redline.cloneNode(true), now = redline.cloneNode(true);
    sides.className = "sides split";
    old.className = "old"; now.className = "new";
    old.querySelectorAll("ins").forEach(function (e) { e.remove(); });
    now.querySelectorAll("del").forEach(function (e) { e.remove(); });
    sides.appendChild(old); sides.appendChild(now);
    redline.parentNode.insertBefore(sides, redline.nextSibling);
  }
  function layOut() {
    /* Side by side, the redlines of the parts shown get their two columns (once each). */
    if (!body.classList.contains("view-side")) return;
    parts.forEach(function (part) {
      if (part.hidden || part.dataset.split) return;
      part.querySelectorAll(".redline").forEach(sideBySide);
      part.dataset.split = "1";
    });
  }
  function setView(view) {
    body.classList.toggle("view-side", view === "side");
    body.classList.toggle("view-inline", view !== "side");
    toolbar.querySelector("input[name=view][value=" + view + "]").checked = true;
    store.corpusdiffView = view;
    layOut();
  }
  function applyFilters() {
    var shown = {};
    toolbar.querySelectorAll("input[name=status]").forEach(function (box) { shown[box.value] = box.checked; });
    document.querySelectorAll("article.row").forEach(function (row) {
      row.classList.toggle("hidden", !shown[row.dataset.status]);
    });
  }
  function showPart(name) {
    parts.forEach(function (part) { part.hidden = !!name && part.dataset.part !== name; });
    layOut();
    switcher.querySelectorAll("a").forEach(function (a) {
      if (a.dataset.part === name) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
    });
  }
  function changes() {
    return Array.prototype.filter.call(document.querySelectorAll("article.row"), function (row) {
      return row.dataset.status !== "recurring" && row.offsetParent !== null;
    });
  }
  function offset() { return toolbar.offsetHeight + 8; }  /* below the toolbar, as it sticks to the top */
  function reveal(row) {
    /* Scroll the row to just below the sticky toolbar, which would cover its top. Rows off screen
       are laid out only when reached (content-visibility), each then taking its real height, so
       the row moves as those on the way are laid out: correct it frame by frame until it has
       held still for two frames (at most a second's worth), not once. */
    var mine = {}, still = 0, frames = 0;
    revealing = mine;
    function settle() {
      if (revealing !== mine) return;  /* the reader scrolled, or another row is being revealed */
      var off = row.getBoundingClientRect().top - offset(), before = window.pageYOffset;
      if (Math.abs(off) > 2) window.scrollBy(0, off);
      still = window.pageYOffset === before ? still + 1 : 0;  /* at the page's end it cannot go further */
      if (still < 2 && ++frames < 60) window.requestAnimationFrame(settle); else revealing = null;
    }
    settle();
  }
  function go(row, list) {
    if (current) current.classList.remove("current");
    current = row;
    row.classList.add("current");
    reveal(row);
    position.textContent = (list.indexOf(row) + 1) + " / " + list.length;
    if (history.replaceState) history.replaceState(null, "", "#" + row.id);
  }
  function step(direction) {
    var list = changes(), index = current ? list.indexOf(current) : -1, top = offset();
    if (index < 0) {
      var below = list.filter(function (row) { return row.getBoundingClientRect().top > top + 2; });
      var above = list.filter(function (row) { return row.getBoundingClientRect().top < top - 2; });
      var target = direction > 0 ? below[0] : above[above.length - 1];
      if (target) go(target, list);
      return;
    }
    var next = list[index + direction];
    if (next) go(next, list);
  }
  function drawMap() {
    /* A thin strip along the page: one tick per visible change, where it stands on the page. */
    map.textContent = "";
    var height = document.documentElement.scrollHeight || 1;
    changes().forEach(function (row) {
      var tick = document.createElement("a");
      tick.href = "#" + row.id;
      tick.className = "tick status-" + row.dataset.status + (row.classList.contains("significant") ? " significant" : "");
      tick.style.top = (100 * (window.pageYOffset + row.getBoundingClientRect().top) / height) + "%";
      tick.title = row.querySelector("header").textContent.replace(/\s+/g, " ").trim().slice(0, 40);
      tick.addEventListener("click", function (event) { event.preventDefault(); go(row, changes()); });
      map.appendChild(tick);
    });
  }
  function partOf(hash) {
    var target = hash && document.getElementById(hash.slice(1));
    var part = target && target.closest ? target.closest("section.part") : null;
    return { target: target, part: part ? part.dataset.part : null };
  }

  var start = partOf(location.hash);
  switcher.querySelector("a.all").hidden = false;
  showPart(start.part || (parts[0] && parts[0].dataset.part));
  setView(store.corpusdiffView === "inline" ? "inline" : "side");
  /* A link to a row (a timeline step's, a reviewer note's) shows it though its class is
     filtered out by default (延续) */
  var linkedBox = start.target && start.target.matches("article.row")
    ? toolbar.querySelector("input[name=status][value=" + start.target.dataset.status + "]") : null;
  if (linkedBox) linkedBox.checked = true;
  applyFilters();
  if (linkedBox) { current = start.target; current.classList.add("current"); }
  if (start.target && start.part) reveal(start.target);
  /* the map measures the page: after the first paint, so that it does not delay it */
  window.requestAnimationFrame(function () { setTimeout(drawMap, 0); });

  toolbar.addEventListener("change", function (event) {
    if (event.target.name === "view") setView(event.target.value); else applyFilters();
    drawMap();
  });
  toolbar.addEventListener("submit", function (event) { event.preventDefault(); });
  toolbar.querySelector("button.next").addEventListener("click", function () { step(1); });
  toolbar.querySelector("button.previous").addEventListener("click", function () { step(-1); });
  switcher.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (!link) return;
    event.preventDefault();
    showPart(link.dataset.part);
    if (current) { current.classList.remove("current"); current = null; }
    position.textContent = "";
    drawMap();
    switcher.scrollIntoView();
    if (history.replaceState) history.replaceState(null, "", link.getAttribute("href"));
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.ctrlKey || event.metaKey || event.altKey || tag === "input" || tag === "select" || tag === "textarea") return;
    if (event.key === "j" || event.key === "n") step(1);
    else if (event.key === "k" || event.key === "p") step(-1);
  });
  ["wheel", "touchstart"].forEach(function (type) {  /* the reader's own scroll ends a reveal's corrections */
    window.addEventListener(type, function () { revealing = null; }, { passive: true });
  });
  var resized = null;
  window.addEventListener("resize", function () { clearTimeout(resized); resized = setTimeout(drawMap, 200); });
})();

/* --- the pair picker (index and diff pages) ------------------------------------------------ */
document.querySelectorAll("form.pair-picker").forEach(function (form) {
  var data = window.CORPUSDIFF_PAIRS;
  if (!data) return;
  var editions = [], seen = {};
  form.dataset.series.split(" ").forEach(function (name) {
    (data.series[name] || []).forEach(function (e) { if (!seen[e.id]) { seen[e.id] = true; editions.push(e); } });
  });
  if (editions.length < 2) return;
  var old = form.querySelector("select[name=old]"), now = form.querySelector("select[name=new]");
  var missing = form.querySelector(".picker-missing");
  function built(a, b) { return data.pairs[a + "|" + b]; }
  editions.forEach(function (e) {
    [old, now].forEach(function (select) {
      var option = document.createElement("option");
      option.value = e.id;
      option.textContent = e.label + " " + e.title;
      select.appendChild(option);
    });
  });
  function grey() {
    /* An old edition with no pair built is greyed; so is each new one not built against the old. */
    Array.prototype.forEach.call(old.options, function (o) {
      o.disabled = !editions.some(function (e) { return built(o.value, e.id); });
    });
    Array.prototype.forEach.call(now.options, function (o) { o.disabled = !built(old.value, o.value); });
    if (now.selectedOptions[0] && now.selectedOptions[0].disabled) {
      var first = Array.prototype.find.call(now.options, function (o) { return !o.disabled; });
      if (first) now.value = first.value;
    }
    missing.hidden = !!built(old.value, now.value);
  }
  old.value = form.dataset.old;
  now.value = form.dataset.new;
  old.addEventListener("change", grey);
  now.addEventListener("change", grey);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = built(old.value, now.value);
    if (url) location.href = form.dataset.root + url; else missing.hidden = false;
  });
  grey();
  form.hidden = false;
});

/* --- search ----------------------------------------------------------------------------------- */
/* One index file (search-index.js) holding every paragraph, or, for a large corpus, a small one
   describing shards (corpusdiff/site/search.py): posting shards map a key (an indexed character,
   or two adjacent ones) to the paragraphs that contain it; content shards hold the paragraphs.
   Both give the same hits: the first 200 paragraphs, in order, containing every term. */
(function () {
  var input = document.getElementById("q"), index = window.CORPUSDIFF_INDEX;
  if (!input || !index) return;
  var status = document.getElementById("search-status"), list = document.getElementById("results");
  var LIMIT = 200, generation = 0, sharded = index.sharded, shards = {};

  /* A paragraph printed in traditional characters comes with its simplified copy, as long (search.py):
     a term (corpusdiffTerm: typed in either script) is found in the text or in the copy, and marked
     in the text at the same place. */
  function found(text, copy, term) {
    var at = corpusdiffFind([text], term, 0);
    return at >= 0 || !copy ? at : corpusdiffFind([copy], term, 0);
  }
  function snippet(text, copy, terms) {
    var at = Math.max(0, found(text, copy, terms[0])), start = Math.max(0, at - 30), end = Math.min(text.length, at + 80);
    var before = start > 0 ? "…" : "", after = end < text.length ? "…" : "";
    var div = document.createElement("div"), shown = copy && before + copy.slice(start, end) + after;
    div.className = "snippet";
    div.textContent = before + text.slice(start, end) + after;
    corpusdiffMark(div, terms, function () { return shown; });
    return div;
  }
  function matches(text, copy, terms) {
    return terms.every(function (t) { return found(text, copy, t) >= 0; });
  }
  function show(doc, anchor, text, copy, query, terms) {
    /* A heading's anchor is h<n> (a paragraph's p<n>): it is listed as a heading. */
    var li = document.createElement("li"), a = document.createElement("a"), where = document.createElement("div");
    a.href = doc.url + "?q=" + encodeURIComponent(query) + "#" + anchor;
    a.textContent = doc.title;
    where.className = "where";
    where.textContent = doc.date;
    if (anchor.charAt(0) === "h") { li.className = "heading"; where.textContent += " · " + list.dataset.heading; }
    li.appendChild(a); li.appendChild(where); li.appendChild(snippet(text, copy, terms));
    list.appendChild(li);
  }
  function done(hits, query) {
    status.textContent = status.dataset.template.replace("{n}", hits + (hits >= LIMIT ? "+" : "")).replace("{q}", query);
  }
  function searchWhole(query, terms) {
    var hits = 0;
    for (var i = 0; i < index.paragraphs.length && hits < LIMIT; i++) {
      var p = index.paragraphs[i];
      if (!matches(p[2], p[3], terms)) continue;
      hits++;
      show(index.documents[p[0]], p[1], p[2], p[3], query, terms);
    }
    done(hits, query);
  }

  /* The sharded index: each shard is a script calling CORPUSDIFF_SHARD(name, data) (file:// allows no fetch). */
  window.CORPUSDIFF_SHARD = function (name, data) {
    var entry = shards[name];
    if (entry && !entry.loaded) { entry.loaded = true; entry.resolve(data); }
  };
  function load(name) {
    var entry = shards[name];
    if (entry) return entry.promise;
    entry = shards[name] = {};
    entry.promise = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      entry.resolve = resolve;
      function fail() { delete shards[name]; reject(new Error(name)); }
      script.onerror = fail;
      script.onload = function () { if (!entry.loaded) fail(); };
      script.src = sharded.folder + name + ".js";
      document.head.appendChild(script);
    });
    return entry.promise;
  }
  function postingShard(key) {
    /* As search.key_shard: 32-bit FNV-1a over the key's characters. */
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
    var number = (h & (sharded.postings - 1)).toString(16);
    while (number.length < sharded.digits) number = "0" + number;
    return "idx-" + number;
  }
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  function paragraphsOf(shard, key) {
    /* As search.encode_numbers: gaps, five bits a digit, low bits first, 32 and up: more follows. */
    var text = shard[key] || "", numbers = [], at = 0, gap = 0, scale = 1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text.charAt(i));
      gap += (digit & 31) * scale;
      if (digit & 32) { scale *= 32; continue; }
      numbers.push(at += gap);
      gap = 0; scale = 1;
    }
    return numbers;
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }
  function union(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
      else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
      else { out.push(a[i]); i++; j++; }
    }
    return out;
  }
  function candidates(groups) {
    /* The paragraphs holding a key of every group, in order (null when the query has no key: all of them). */
    var keys = [].concat.apply([], groups);
    return Promise.all(keys.map(function (key) { return load(postingShard(key)); })).then(function (loaded) {
      var lists = {};
      keys.forEach(function (key, i) { lists[key] = paragraphsOf(loaded[i], key); });
      return groups.reduce(function (found, group) {
        var listed = group.reduce(function (all, key) { return union(all, lists[key]); }, []);
        return found === null ? listed : intersect(found, listed);
      }, null);
    });
  }
  function blockOf(paragraph) {
    /* The content shard holding a paragraph: the last whose first paragraph is not after it. */
    var low = 0, high = sharded.blocks.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (sharded.blocks[middle][2] <= paragraph) low = middle; else high = middle - 1;
    }
    return low;
  }
  function searchSharded(query, words, terms, mine) {
    var hits = 0, found = null, next = 0;
    function current() { return mine === generation; }
    function check(block, paragraphs, numbers) {
      var doc = index.documents[sharded.blocks[block][1]], first = sharded.blocks[block][2];
      numbers.forEach(function (number) {
        var p = paragraphs[number - first];
        if (hits < LIMIT && matches(p[1], p[2], terms)) { hits++; show(doc, p[0], p[1], p[2], query, terms); }
      });
    }
    function round() {
      /* The next candidates, as many as hits are still wanted: their shards requested at once,
         checked in order as they come. A query without keys reads every shard, eight at a time. */
      if (!current()) return;
      var total = found ? found.length : sharded.blocks.length;
      if (hits >= LIMIT || next >= total) { done(hits, query); return; }
      var wanted = {}, order = [];
      if (found) {
        found.slice(next, next + LIMIT - hits).forEach(function (number) {
          var block = blockOf(number);
          if (!wanted[block]) { wanted[block] = []; order.push(block); }
          wanted[block].push(number);
        });
        next += LIMIT - hits;
      } else {
        for (var b = next; b < Math.min(total, next + 8); b++) order.push(b);
        next += order.length;
      }
      var loads = order.map(function (block) { return load(sharded.blocks[block][0]); });
      return order.reduce(function (chain, block, i) {
        return chain.then(function () { return loads[i]; }).then(function (paragraphs) {
          if (!current()) return;
          var first = sharded.blocks[block][2];
          check(block, paragraphs, wanted[block] || paragraphs.map(function (_p, j) { return first + j; }));
        });
      }, Promise.resolve()).then(round);
    }
    status.textContent = status.dataset.loading;
    /* The keys of every word, each once: a paragraph holding the query holds a form of each. */
    candidates(corpusdiffKeys(words.join(" "))).then(function (listed) { found = listed; return round(); }).catch(function () {
      if (current()) status.textContent = status.dataset.failed;
    });
  }

  function run() {
    var query = input.value.trim(), mine = ++generation;
    list.textContent = "";
    if (!query) { status.textContent = ""; return; }
    var words = query.split(/\s+/), terms = words.map(corpusdiffTerm);
    if (sharded) searchSharded(query, words, terms, mine); else searchWhole(query, terms);
  }
  input.addEventListener("input", run);
  var q = new URLSearchParams(location.search).get("q");
  if (q) input.value = q;
  run();
})();

/* A document page opened from a search result: the words searched for are marked, typed in either
   script. A document printed in traditional characters says how its simplified copy reads each one
   (data-fold, search.document_fold); other traditional characters (another edition's title) read as
   search-fold.js folds them: a character is marked where the text or that copy has it. */
(function () {
  var article = document.querySelector("body.document article"), q = new URLSearchParams(location.search).get("q");
  if (!article || !q) return;
  var fold = corpusdiffPairs(article.dataset.fold || "");
  function copyOf(text) {
    return text.split("").map(function (c) { return fold[c] || corpusdiffFolded[c] || c; }).join("");
  }
  corpusdiffMark(article, q.trim().split(/\s+/).map(corpusdiffTerm), copyOf, true);
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target) target.scrollIntoView();
})();

/* Term index: show rows by status. Without script the form stays hidden and every row shows. */
document.querySelectorAll("form.term-filters").forEach(function (form) {
  var rows = form.parentNode.querySelectorAll("table.terms tbody tr");
  function apply() {
    var shown = {};
    form.querySelectorAll("input[name=term-status]").forEach(function (box) { shown[box.value] = box.checked; });
    rows.forEach(function (row) { row.classList.toggle("hidden", !shown[row.dataset.status]); });
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  apply();
});
