// Filters, selection and keyboard navigation for the transcheck HTML report. No network.
(function () {
  "use strict";
  const findings = Array.from(document.querySelectorAll("li.finding"));
  const marks = Array.from(document.querySelectorAll("mark.flag"));
  const segments = Array.from(document.querySelectorAll("tbody.segment"));
  const byId = new Map(findings.map((f) => [f.id, f]));
  const form = document.getElementById("filters");
  const status = document.getElementById("status");
  let current = null;

  const ids = (el) => (el.dataset.f ? el.dataset.f.split(" ") : []);
  const shown = (id) => byId.has(id) && !byId.get(id).hidden;

  // Presets from the URL fragment: #severity=major,critical&category=…&rule=…&clean=1
  function readFragment() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.has("severity")) {
      const wanted = params.get("severity").split(",");
      form.querySelectorAll("input[name=severity]").forEach((cb) => {
        cb.checked = wanted.includes(cb.value);
      });
    }
    for (const name of ["category", "rule"]) {
      if (params.has(name)) form.elements[name].value = params.get(name);
    }
    if (params.has("clean")) form.elements.clean.checked = params.get("clean") === "1";
  }

  function apply() {
    const severities = new Set(
      Array.from(form.querySelectorAll("input[name=severity]:checked"), (cb) => cb.value)
    );
    const category = form.elements.category.value;
    const rule = form.elements.rule.value;
    const clean = form.elements.clean.checked;
    let count = 0;
    for (const f of findings) {
      const ok =
        severities.has(f.dataset.severity) &&
        (category === "" || f.dataset.category === category) &&
        (rule === "" || f.dataset.rule === rule);
      f.hidden = !ok;
      if (ok) count++;
    }
    for (const m of marks) m.classList.toggle("off", !ids(m).some(shown));
    for (const s of segments) s.hidden = !(clean || ids(s).some(shown));
    for (const row of document.querySelectorAll("tr.findings-row")) {
      row.hidden = !row.querySelector("li.finding:not([hidden])");
    }
    if (current && current.hidden) select(null);
    status.textContent = "Showing " + count + " of " + findings.length + " findings";
  }

  function select(f) {
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    current = f;
    if (!f) return;
    f.classList.add("current");
    for (const m of marks) if (ids(m).includes(f.id)) m.classList.add("current");
    f.focus({ preventScroll: true });
    f.closest("tbody").scrollIntoView({ block: "center" });
  }

  function step(by) {
    const visible = findings.filter((f) => !f.hidden);
    if (visible.length === 0) return;
    const at = visible.indexOf(current);
    const next = at < 0 ? (by > 0 ? 0 : visible.length - 1) : (at + by + visible.length) % visible.length;
    select(visible[next]);
  }

  document.addEventListener("keydown", (e) => {
    const inField = e.target instanceof Element && e.target.closest("select, input, textarea");
    if (e.ctrlKey || e.metaKey || e.altKey || inField) return;
    if (e.key === "j" || e.key === "n") step(1);
    else if (e.key === "k" || e.key === "p") step(-1);
    else if (e.key === "Escape") select(null);
    else return;
    e.preventDefault();
  });
  for (const m of marks) {
    m.addEventListener("click", () => {
      const first = ids(m).find(shown);
      if (first) select(byId.get(first));
    });
  }
  for (const f of findings) f.addEventListener("click", () => select(f));
  document.getElementById("next").addEventListener("click", () => step(1));
  document.getElementById("prev").addEventListener("click", () => step(-1));
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", () => { readFragment(); apply(); });

  readFragment();
  apply();
  document.documentElement.dataset.ready = "true";
})();
