// A file field in Vietnamese on every page: the browser's own button and "no file chosen" line speak the
// language of the browser, often English. The field stays the real <input type=file> (keyboard, required,
// drag and drop onto it), only drawn over by a button "Chọn tệp…" and the names of the files chosen.
document.querySelectorAll('input[type=file]').forEach(function (input) {
  var picker = document.createElement('span');
  picker.className = 'file-picker';
  var button = document.createElement('span');
  button.className = 'file-picker-button';
  button.setAttribute('aria-hidden', 'true');
  button.textContent = input.multiple ? 'Chọn tệp… (có thể chọn nhiều tệp)' : 'Chọn tệp…';
  var chosen = document.createElement('span');
  chosen.className = 'file-picker-chosen';
  chosen.setAttribute('aria-live', 'polite');
  input.parentNode.insertBefore(picker, input);
  picker.appendChild(input);
  picker.appendChild(button);
  picker.appendChild(chosen);
  input.classList.add('file-picker-input');
  function show() {
    var names = Array.prototype.map.call(input.files || [], function (file) { return file.name; });
    chosen.textContent = names.length === 0 ? 'Chưa chọn tệp nào'
      : names.length === 1 ? names[0] : names.length + ' tệp: ' + names.join(', ');
    picker.classList.toggle('has-files', names.length > 0);
  }
  input.addEventListener('change', function () { input.setCustomValidity(''); show(); });
  // a required field left empty: the browser's bubble, in Vietnamese too
  input.addEventListener('invalid', function () {
    if (input.validity.valueMissing) { input.setCustomValidity('Hãy chọn tệp trước khi gửi.'); }
  });
  // a form reset empties the field: the line follows once the reset is done
  if (input.form) { input.form.addEventListener('reset', function () { setTimeout(show, 0); }); }
  show();
});
