/* corpusdiff static site: class filters on diff pages and offline search. No network. */
(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  function apply() {
    var shown = {};
    form.querySelectorAll("input[name=status]").forEach(function (box) { shown[box.value] = box.checked; });
    document.querySelectorAll(".item").forEach(function (item) {
      item.classList.toggle("hidden", !shown[item.dataset.status]);
    });
    document.querySelectorAll("section.aligned").forEach(function (section) {
      section.classList.toggle("empty", !section.querySelector(".item:not(.hidden)"));
    });
  }
  form.addEventListener("change", apply);
  apply();
})();

function corpusdiffSearch() {
  var index = window.CORPUSDIFF_INDEX, input = document.getElementById("q");
  var status = document.getElementById("search-status"), list = document.getElementById("results");
  function run() {
    var query = input.value.trim();
    list.innerHTML = "";
    if (!query) { status.textContent = ""; return; }
    var terms = query.split(/\s+/), hits = 0;
    for (var i = 0; i < index.paragraphs.length && hits < 200; i++) {
      var p = index.paragraphs[i], text = p[2];
      if (!terms.every(function (t) { return text.indexOf(t) >= 0; })) continue;
      hits++;
      var doc = index.documents[p[0]], li = document.createElement("li"), a = document.createElement("a");
      a.href = doc.url + "#" + p[1];
      a.textContent = doc.title;
      var where = document.createElement("div"); where.className = "where"; where.textContent = doc.date;
      var snippet = document.createElement("div"), at = text.indexOf(terms[0]), start = Math.max(0, at - 30);
      snippet.textContent = (start > 0 ? "…" : "") + text.slice(start, at + 60) + (at + 60 < text.length ? "…" : "");
      li.appendChild(a); li.appendChild(where); li.appendChild(snippet); list.appendChild(li);
    }
    status.textContent = hits + (hits >= 200 ? "+" : "") + " paragraphs match “" + query + "”";
  }
  input.addEventListener("input", run);
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; }
  run();
}

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
