/*
 * Small accessibility fixes to Material's markup without forking its templates:
 * - the search dialog gets an accessible name (axe: aria-dialog-name);
 * - a table that scrolls sideways on a phone can be reached and scrolled with the keyboard
 *   (axe: scrollable-region-focusable). Material wraps tables at run time, so we watch for it.
 */
(function () {
  "use strict";

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Поиск по сайту");
    }
  }

  function makeScrollingTablesFocusable() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      if (!wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Таблица (прокручивается вбок)");
      }
    });
  }

  function fix() {
    nameSearchDialog();
    makeScrollingTablesFocusable();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
  if (window.MutationObserver) {
    new MutationObserver(makeScrollingTablesFocusable)
      .observe(document.body || document.documentElement, { childList: true, subtree: true });
  }
})();
