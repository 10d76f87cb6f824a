// Optional: the page is complete without this. It shows the severity filter and opens the
// folded sections before printing, so a printed report holds everything.
(function () {
  var form = document.getElementById('filter');
  if (form) {
    form.hidden = false;
    form.addEventListener('change', function () {
      var shown = {};
      form.querySelectorAll('input').forEach(function (box) { shown[box.value] = box.checked; });
      document.querySelectorAll('.finding[data-severity]').forEach(function (card) {
        card.hidden = shown[card.getAttribute('data-severity')] === false;
      });
    });
  }
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
})();
