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

  function wire(row) {
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
      row = template.cloneNode(true);
      row.classList.remove('has-problem');
      row.querySelectorAll('input, textarea').forEach(function (field) { field.value = ''; });
      row.querySelectorAll('.evidence, ul.problem').forEach(function (node) { node.remove(); });
    } else {
      row = document.createElement('tr');
      row.className = 'draft-row';
      row.innerHTML = '<td><input name="directives[0].section" class="section" size="8"></td>'
        + '<td class="text"><textarea name="directives[0].text" rows="4"></textarea></td>'
        + '<td><label>Chủ trì <input name="directives[0].lead" list="unit-list" class="lead units"></label><div class="muted small names"></div>'
        + '<label>Phối hợp <input name="directives[0].coordinating" list="unit-list" class="units"></label><div class="muted small names"></div></td>'
        + '<td><input name="directives[0].deadline" class="deadline" placeholder="không thời hạn"><div class="muted small resolved"></div></td>'
        + '<td><button type="button" class="secondary remove" title="Xóa dòng này">Xóa</button></td>';
    }
    table.appendChild(row);
    renumber();
    wire(row);
    row.querySelector('.section').focus();
  });
})();
