// attache dashboard: progressive touches only (every page works without this file).
// Flash the highlighted sentence a link points at, and let "/" focus the search box.
(function () {
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var a = document.getElementById(id);
    if (!a || !a.nextElementSibling) return;
    var el = a.nextElementSibling;
    el.classList.add('flash');
    setTimeout(function () { el.classList.remove('flash'); }, 2500);
  }
  window.addEventListener('hashchange', flash);
  document.addEventListener('DOMContentLoaded', flash);
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement.tagName !== 'INPUT') {
      var box = document.querySelector('form.search input');
      if (box) { e.preventDefault(); box.focus(); }
    }
  });
})();
