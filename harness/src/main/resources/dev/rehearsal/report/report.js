(function () {
  'use strict';
  function all(open) {
    document.querySelectorAll('details').forEach(function (d) { d.open = open; });
  }
  document.querySelectorAll('[data-expand]').forEach(function (button) {
    button.addEventListener('click', function () { all(button.getAttribute('data-expand') === 'open'); });
  });
  // Printing expands every reason: a printed report must not hide why something failed.
  window.addEventListener('beforeprint', function () { all(true); });
  // A link to a failure opens the cell it came from as well.
  window.addEventListener('hashchange', function () {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') { target.open = true; }
  });
})();
