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

// "Wat zie je?": with JavaScript the outcome updates as you tick; without it, the button does.
// data-live-update names the parts of the page to refresh (the outcome and the compact summary
// beside the signals, an aria-live region that stays in view on a phone). Every change starts a
// new request and aborts the one before; an answer that is not the latest is ignored, so a slow
// earlier answer can never overwrite the outcome (or the report link) of what is ticked now.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-update]");
  if (!form || !window.fetch || !window.DOMParser) { return; }
  var targets = form.dataset.liveUpdate.split(/\s+/).map(function (id) {
    return document.getElementById(id);
  }).filter(Boolean);
  var inputs = document.querySelectorAll("input[form='" + form.id + "'], #" + form.id + " input, #" + form.id + " select");
  var latest = 0;
  var pending = null;
  function update() {
    // FormData includes the checkboxes outside the form that name it with form="…".
    var params = new URLSearchParams(new FormData(form));
    var url = form.action + "?" + params.toString();
    var sequence = ++latest;
    if (pending) { pending.abort(); }
    pending = window.AbortController ? new AbortController() : null;
    fetch(url, { credentials: "same-origin", signal: pending ? pending.signal : undefined }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (!html || sequence !== latest) { return; } // a newer change is on its way
      var page = new DOMParser().parseFromString(html, "text/html");
      targets.forEach(function (target) {
        var fresh = page.getElementById(target.id);
        if (fresh) { target.innerHTML = fresh.innerHTML; }
      });
      window.history.replaceState(null, "", url);
    }).catch(function () { /* aborted, or offline: the button still works */ });
  }
  Array.prototype.forEach.call(inputs, function (input) {
    if (input.name === "subject") { return; } // switching lists needs a full page
    input.addEventListener("change", update);
  });
})();

// Report form: answering "yes, someone is in danger right now" shows the 112 notice at once.
(function () {
  "use strict";
  var question = document.querySelector("[data-acute-question]");
  var alert = document.querySelector("[data-acute-alert]");
  if (!question || !alert) { return; }
  function show() {
    var chosen = question.querySelector("input[type=radio]:checked");
    alert.hidden = !(chosen && chosen.value === "yes");
  }
  question.addEventListener("change", show);
  show();
})();

// A running import: the progress updates every 3 seconds (an aria-live region, no page reload);
// when the import has finished, the page is loaded again to show the result. Without
// JavaScript, the "show the progress again" link does the same by hand.
(function () {
  "use strict";
  var region = document.querySelector("[data-poll]");
  if (!region || !window.fetch || !window.DOMParser) { return; }
  var url = region.dataset.poll;
  function poll() {
    fetch(url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html === null) { return; }
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-poll]");
      if (!fresh) { window.location.reload(); return; }
      region.innerHTML = fresh.innerHTML;
      window.setTimeout(poll, 3000);
    }).catch(function () { window.setTimeout(poll, 10000); });
  }
  window.setTimeout(poll, 3000);
})();
