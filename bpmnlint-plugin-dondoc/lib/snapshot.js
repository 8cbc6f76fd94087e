'use strict';

// Writes lib/config.json from config/ (policy names, unit codes, groups), for a bundle without a file system.
const fs = require('fs');
const path = require('path');
const config = require('./config').load();
const out = path.join(__dirname, 'config.json');
fs.writeFileSync(out, JSON.stringify({ origin: 'snapshot of ' + config.origin, policies: config.policies, units: config.units,
  groups: config.groups }, null, 2) + '\n');
console.log('wrote ' + out + ': ' + config.policies.length + ' policies, ' + config.units.length + ' units, '
  + config.groups.length + ' groups');
