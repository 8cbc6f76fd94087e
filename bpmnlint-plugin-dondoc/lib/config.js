'use strict';

/**
 * What the rules check against, read from dondoc's config/ folder at lint time: the policy names of
 * config/reminder-policy.yml and the unit codes and groups of config/units.yml. The folder is
 * DONDOC_CONFIG_DIR, else the first config/ found from the current folder upwards. A few regular
 * expressions, no YAML library: both files keep the layout dondoc ships them with.
 *
 * Where there is no file system (the rules bundled into a Camunda Modeler plugin), config.json next to
 * this file is used: `node bpmnlint-plugin-dondoc/lib/snapshot.js` writes it from config/.
 */

let cached;

function load() {
  if (cached) {
    return cached;
  }
  let fs, path;
  try {
    fs = require('fs');
    path = require('path');
  } catch (e) {
    fs = null;
  }
  if (fs && typeof fs.readFileSync === 'function') {
    const dir = configDir(fs, path);
    if (dir) {
      cached = {
        origin: dir,
        policies: policies(fs.readFileSync(path.join(dir, 'reminder-policy.yml'), 'utf8')),
        ...units(fs.readFileSync(path.join(dir, 'units.yml'), 'utf8'))
      };
      return cached;
    }
  }
  try {
    cached = require('./config.json');
  } catch (e) {
    throw new Error('bpmnlint-plugin-dondoc: no config/ folder with reminder-policy.yml and units.yml found '
      + '(set DONDOC_CONFIG_DIR), and no snapshot lib/config.json');
  }
  return cached;
}

function configDir(fs, path) {
  if (process.env.DONDOC_CONFIG_DIR) {
    return process.env.DONDOC_CONFIG_DIR;
  }
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(dir, 'config');
    if (fs.existsSync(path.join(candidate, 'reminder-policy.yml')) && fs.existsSync(path.join(candidate, 'units.yml'))) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return null;
    }
    dir = parent;
  }
}

/** The keys under the top-level `policies:` (two spaces in), and `default:`. */
function policies(text) {
  const names = [];
  let inPolicies = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line) && !line.startsWith('#')) {
      inPolicies = /^policies:\s*(#.*)?$/.test(line);
      continue;
    }
    const match = inPolicies && /^ {2}([A-Za-z0-9_.-]+):\s*(#.*)?$/.exec(line);
    if (match) {
      names.push(match[1]);
    }
  }
  return names;
}

/** The `code:` of each entry of `units:`, and the keys of `groups:`. */
function units(text) {
  const codes = [];
  const groups = [];
  let section = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^\S/.test(line) && !line.startsWith('#')) {
      section = (/^([A-Za-z]+):/.exec(line) || [])[1] || null;
      continue;
    }
    let match;
    if (section === 'units' && (match = /^\s*-?\s*code:\s*["']?([^"'\s#]+)/.exec(line))) {
      codes.push(match[1]);
    } else if (section === 'groups' && (match = /^ {2}["']?@?([A-Za-z0-9_-]+)["']?:/.exec(line))) {
      groups.push(match[1]);
    }
  }
  return { units: codes, groups };
}

module.exports = { load, policies, units };
