// materiel: a little vanilla JavaScript. Everything works without it; it adds
// keyboard moves between claims and live progress of an upload's ingest.
(function () {
  "use strict";

  function claimKeys() {
    var list = document.getElementById("claim-list");
    if (!list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li.claim"));
    var index = -1;
    function show(i) {
      if (!items.length) return;
      index = Math.max(0, Math.min(items.length - 1, i));
      var item = items[index];
      item.focus();
      document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
      var id = item.id.replace("claim-", "");
      document.querySelectorAll("mark[data-claims]").forEach(function (m) {
        if (m.getAttribute("data-claims").split(" ").indexOf(id) >= 0) m.classList.add("active");
      });
    }
    document.addEventListener("keydown", function (event) {
      var tag = (event.target.tagName || "").toLowerCase();
      if (tag === "input" || tag === "select" || tag === "textarea" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "j") { show(index + 1); event.preventDefault(); }
      else if (event.key === "k") { show(index - 1); event.preventDefault(); }
      else if (event.key === "Enter" && index >= 0 && document.activeElement === items[index]) {
        window.location.href = items[index].getAttribute("data-review");
      }
    });
  }

  function jobProgress() {
    var box = document.getElementById("job");
    if (!box) return;
    var id = box.getAttribute("data-job");
    function set(cls, value) { var el = box.querySelector("." + cls); if (el) el.textContent = value; }
    function poll() {
      fetch("/api/v1/jobs/" + id, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (job) {
          set("job-state", job.state); set("job-seen", job.seen); set("job-new", job.new);
          set("job-known", job.known); set("job-claims", job.claims); set("job-message", job.message);
          var list = box.querySelector(".job-failed");
          list.textContent = "";
          (job.failed || []).forEach(function (f) { var li = document.createElement("li"); li.textContent = f; list.appendChild(li); });
          if (job.state === "queued" || job.state === "running") setTimeout(poll, 700);
        })
        .catch(function () { setTimeout(poll, 2000); });
    }
    poll();
  }

  document.addEventListener("DOMContentLoaded", function () { claimKeys(); jobProgress(); });
})();
