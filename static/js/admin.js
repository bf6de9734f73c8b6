/* Signaal's additions to Wagtail's admin at /cms/ (loaded by core/wagtail_hooks.py).
   Wagtail's date and time widgets start themselves with an inline <script>, which our CSP refuses;
   our copies of their templates (templates/wagtailadmin/widgets/) carry the same call in data
   attributes, made here, also for widgets that arrive later (the filters of a listing). */
(function () {
  'use strict';
  var ALLOWED = ['initDateChooser', 'initDateTimeChooser', 'initTimeChooser'];

  function initWidgets() {
    document.querySelectorAll('[data-signaal-widget-init]:not([data-signaal-done])').forEach(function (el) {
      var name = el.getAttribute('data-signaal-widget-init');
      var fn = window[name];
      if (ALLOWED.indexOf(name) === -1 || typeof fn !== 'function') return;
      el.setAttribute('data-signaal-done', '');
      fn(el.getAttribute('data-target'), JSON.parse(el.getAttribute('data-config')));
    });
  }

  // Accessible names Wagtail's own markup lacks: the tag input of jQuery tag-it, the file input
  // of the multiple upload and the rich-text editor (Draftail) get the text of their field's
  // label; a screen without a level-one heading (a snippet's edit screen) gets one, hidden.
  function fieldLabel(el) {
    var field = el.closest('.w-field__wrapper') || el.closest('.w-panel, form');
    var label = field && field.querySelector('label, .w-field__label, h2');
    return label ? label.textContent.replace(/\s+/g, ' ').replace(/\*/g, '').trim() : '';
  }

  function nameInputs() {
    var selector = 'input.ui-autocomplete-input, input#fileupload, [role=textbox][contenteditable=true]';
    document.querySelectorAll(selector).forEach(function (el) {
      if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return;
      if (el.id && document.querySelector('label[for="' + el.id + '"]')) return;
      var text = el.id === 'fileupload'
        ? (document.querySelector('.replace-file-input button') || {}).textContent
        : fieldLabel(el);
      if (text && text.trim()) el.setAttribute('aria-label', text.trim());
    });
    if (!document.querySelector('h1') && document.querySelector('main')) {
      var heading = document.createElement('h1');
      heading.className = 'w-sr-only';
      heading.textContent = document.title.split(' - ')[0];
      document.querySelector('main').prepend(heading);
    }
  }

  function update() {
    initWidgets();
    nameInputs();
  }

  function start() {
    update();
    new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
