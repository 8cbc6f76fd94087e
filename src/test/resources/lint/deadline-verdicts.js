'use strict';

// node deadline-verdicts.js cases.json: reads [{ "today": "YYYY-MM-DD", "phrase": "…" }, …] and prints, as one JSON
// array in the same order, what bpmnlint-plugin-dondoc/lib/deadline.js says of each phrase (DeadlineLintParityTest).
const fs = require('fs');
const path = require('path');
const { read } = require(path.join(__dirname, '..', '..', '..', '..', 'bpmnlint-plugin-dondoc', 'lib', 'deadline.js'));

const cases = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
process.stdout.write(JSON.stringify(cases.map(c => read(c.phrase, c.today))) + '\n');
