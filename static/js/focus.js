// Feedback where the eye is: after a save, the result shown in the section that was saved gets
// the keyboard focus; after a form error, the error summary does (gov.uk / NL Design System).
// The same elements carry `autofocus`, which does this without JavaScript in current browsers;
// this file covers browsers that ignore autofocus on elements that are not form fields.
(function () {
  "use strict";
  var target = document.querySelector("[data-focus-here]") || document.querySelector(".error-summary");
  if (!target) { return; }
  if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
  function focus() {
    if (document.activeElement === target) { return; }
    target.focus();
    if (target.scrollIntoView) { target.scrollIntoView({ block: "center" }); }
  }
  focus();
  // Browsers skip autofocus when the address has a #section, and scrolling to that section
  // after loading can take the focus away again: once more when the page has loaded.
  window.addEventListener("load", function () { window.setTimeout(focus, 0); });
})();

// The links of an error summary move the focus to their field (not only the scroll position),
// also for a field inside a closed <details>, which is opened first.
(function () {
  "use strict";
  var links = document.querySelectorAll(".error-summary a[href^='#']");
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", function (event) {
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) { return; }
      var details = field.closest ? field.closest("details") : null;
      if (details) { details.open = true; }
      event.preventDefault();
      field.focus();
      if (field.scrollIntoView) { field.scrollIntoView({ block: "center" }); }
    });
  });
})();
