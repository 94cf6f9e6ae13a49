/*
 * Interactive checklists (.kb-checklist, rendered by macros/templates/checklist.md.j2).
 * The ticks persist per page in localStorage, so an administrator can go through the launch
 * checklist over several days. Without JavaScript the list still reads (and prints) as a list.
 */
(function () {
  "use strict";

  var PREFIX = "kb-checklist:";

  function storageKey(list) {
    return PREFIX + window.location.pathname + "#" + list.getAttribute("data-checklist");
  }

  function load(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {};
    }
  }

  function save(key, state) {
    try {
      if (Object.keys(state).length) {
        window.localStorage.setItem(key, JSON.stringify(state));
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (error) {
      /* Private mode or storage full: the ticks simply do not persist. */
    }
  }

  function setUp(list) {
    if (list.hasAttribute("data-ready")) {
      return;
    }
    list.setAttribute("data-ready", "");
    var key = storageKey(list);
    var state = load(key);
    var boxes = Array.prototype.slice.call(list.querySelectorAll("input.kb-checklist__box"));

    var bar = document.createElement("div");
    bar.className = "kb-checklist__bar";
    var progress = document.createElement("p");
    progress.className = "kb-checklist__progress";
    progress.setAttribute("role", "status");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button kb-checklist__reset";
    reset.textContent = "Сбросить отметки";
    bar.appendChild(progress);
    bar.appendChild(reset);
    list.insertBefore(bar, list.firstChild);

    function update() {
      var done = boxes.filter(function (box) { return box.checked; }).length;
      progress.textContent = "Сделано " + done + " из " + boxes.length;
      list.classList.toggle("kb-checklist--complete", done === boxes.length);
    }

    boxes.forEach(function (box) {
      box.checked = state[box.getAttribute("data-item")] === true;
      box.addEventListener("change", function () {
        var item = box.getAttribute("data-item");
        if (box.checked) {
          state[item] = true;
        } else {
          delete state[item];
        }
        save(key, state);
        update();
      });
    });

    reset.addEventListener("click", function () {
      if (!window.confirm("Снять все отметки в этом списке?")) {
        return;
      }
      state = {};
      save(key, state);
      boxes.forEach(function (box) { box.checked = false; });
      update();
      if (boxes.length) {
        boxes[0].focus();
      }
    });

    update();
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".kb-checklist"), setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll); /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
