// Progressive enhancement only: every page works without this file.
// Search suggestions: fills the <datalist> of a search box as the user types.
(function () {
  "use strict";
  var boxes = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(boxes, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      var value = input.value.trim();
      if (value.length < 2 || value === last || !list) { return; }
      last = value;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(value), {
          headers: { "Accept": "application/json" },
          credentials: "same-origin"
        }).then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        }).then(function (data) {
          list.textContent = "";
          data.suggestions.forEach(function (title) {
            var option = document.createElement("option");
            option.value = title;
            list.appendChild(option);
          });
        }).catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  });
})();
