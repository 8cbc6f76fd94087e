// Nhập văn bản: while the server works (a large conclusion can take a minute or more), say so and count
// the seconds, and keep the button from being pressed twice.
document.querySelectorAll('form[data-working]').forEach(function (form) {
  form.addEventListener('submit', function () {
    var button = form.querySelector('button[type=submit]');
    var working = document.getElementById(form.getAttribute('data-working'));
    if (button) { button.disabled = true; }
    if (!working) { return; }
    var seconds = working.querySelector('.seconds');
    var started = Date.now();
    working.hidden = false;
    setInterval(function () {
      if (seconds) { seconds.textContent = Math.floor((Date.now() - started) / 1000); }
    }, 1000);
  });
});
