// Soạn từ văn bản: rows added and removed, each deadline resolved as it is typed (by the server's own
// calendar, /drafts/deadline), without a page reload. Works without it too: the server checks everything.
(function () {
  var table = document.querySelector('#rows tbody');
  if (!table) { return; }
  var issuedOn = document.getElementById('issuedOn');
  var deadlineUrl = document.getElementById('editor').getAttribute('data-deadline-url');

  function renumber() {
    var rows = table.querySelectorAll('tr.draft-row');
    rows.forEach(function (row, index) {
      row.querySelectorAll('[name^="directives["]').forEach(function (field) {
        field.name = field.name.replace(/directives\[\d+\]/, 'directives[' + index + ']');
        if (field.id) { field.id = field.name.replace(/[\[\].]/g, ''); }
      });
    });
    document.getElementById('count').textContent = rows.length;
  }

  function resolve(input) {
    var out = input.parentNode.querySelector('.resolved');
    var text = input.value.trim();
    if (!text) { out.textContent = 'Không thời hạn'; out.className = 'muted small resolved'; return; }
    fetch(deadlineUrl + '?text=' + encodeURIComponent(text) + '&issuedOn=' + encodeURIComponent(issuedOn.value), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (answer.error) { out.textContent = answer.error; out.className = 'small resolved late'; }
        else { out.textContent = (answer.due ? answer.due + ' — ' : '') + answer.explanation; out.className = 'muted small resolved'; }
      })
      .catch(function () { out.textContent = ''; });
  }

  // the names of the units a field lists, from the directory offered in the datalist
  var names = {};
  document.querySelectorAll('#unit-list option').forEach(function (option) { names[option.value] = option.textContent; });
  function showNames(input) {
    var out = input.parentNode.nextElementSibling;
    if (!out || !out.classList.contains('names')) { return; }
    out.textContent = input.value.split(/[,;]/).map(function (code) { code = code.trim(); return code ? (names[code] || ('«' + code + '» không có trong danh mục')) : null; })
      .filter(Boolean).join('; ');
  }

  function emptyRowLike(template) {
    var row = template.cloneNode(true);
    row.classList.remove('has-problem');
    row.querySelectorAll('input, textarea').forEach(function (field) { field.value = ''; });
    row.querySelectorAll('.evidence, ul.problem').forEach(function (node) { node.remove(); });
    row.querySelectorAll('.resolved, .names').forEach(function (node) { node.textContent = ''; });
    return row;
  }

  // one row that holds two directives: the text after the cursor becomes a row of its own, same units and deadline
  function split(row) {
    var text = row.querySelector('textarea');
    var at = text.selectionStart || 0;
    if (at <= 0 || at >= text.value.length) { text.focus(); return; }
    var next = emptyRowLike(row);
    next.querySelector('textarea').value = text.value.substring(at).trim();
    text.value = text.value.substring(0, at).trim();
    ['.lead', 'input.units:not(.lead)', '.deadline'].forEach(function (selector) {
      var from = row.querySelector(selector);
      var to = next.querySelector(selector);
      if (from && to) { to.value = from.value; }
    });
    next.querySelector('.section').value = row.querySelector('.section').value + 'b';
    row.parentNode.insertBefore(next, row.nextSibling);
    renumber();
    wire(next);
  }

  // two rows that are one directive: the next row's text joins this one
  function merge(row) {
    var next = row.nextElementSibling;
    if (!next) { return; }
    var text = row.querySelector('textarea');
    text.value = (text.value.trim() + ' ' + next.querySelector('textarea').value.trim()).trim();
    next.remove();
    renumber();
  }

  function wire(row) {
    row.querySelector('.split').addEventListener('click', function () { split(row); });
    row.querySelector('.merge').addEventListener('click', function () { merge(row); });
    row.querySelectorAll('input.units').forEach(function (input) {
      input.addEventListener('input', function () { showNames(input); });
      showNames(input);
    });
    row.querySelector('.remove').addEventListener('click', function () { row.remove(); renumber(); });
    var deadline = row.querySelector('.deadline');
    var timer;
    deadline.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { resolve(deadline); }, 300); });
    resolve(deadline);
  }

  table.querySelectorAll('tr.draft-row').forEach(wire);
  issuedOn.addEventListener('change', function () { table.querySelectorAll('.deadline').forEach(resolve); });
  document.getElementById('add-row').addEventListener('click', function () {
    var template = table.querySelector('tr.draft-row');
    var row;
    if (template) {
      row = emptyRowLike(template);
    } else {
      row = document.createElement('tr');
      row.className = 'draft-row';
      row.innerHTML = '<td><input name="directives[0].section" class="section" size="8"></td>'
        + '<td class="text"><textarea name="directives[0].text" rows="4"></textarea></td>'
        + '<td><label>Chủ trì <input name="directives[0].lead" list="unit-list" class="lead units"></label><div class="muted small names"></div>'
        + '<label>Phối hợp <input name="directives[0].coordinating" list="unit-list" class="units"></label><div class="muted small names"></div></td>'
        + '<td><input name="directives[0].deadline" class="deadline" placeholder="không thời hạn"><div class="muted small resolved"></div></td>'
        + '<td class="row-actions"><button type="button" class="secondary remove" title="Xóa dòng này">Xóa</button>'
        + '<button type="button" class="secondary split" title="Tách nội dung tại vị trí con trỏ thành hai dòng">Tách</button>'
        + '<button type="button" class="secondary merge" title="Gộp dòng dưới vào dòng này">Gộp</button></td>';
    }
    table.appendChild(row);
    renumber();
    wire(row);
    row.querySelector('.section').focus();
  });
})();
