/*
 * Small accessibility fixes to Material's markup without forking its templates:
 * the search dialog gets an accessible name (axe: aria-dialog-name).
 * Search needs JavaScript anyway, so the fix may too.
 */
(function () {
  "use strict";
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", "Поиск по сайту");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", nameSearchDialog);
  } else {
    nameSearchDialog();
  }
})();
