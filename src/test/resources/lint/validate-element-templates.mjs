// Validates Camunda Modeler element templates (Camunda 7) against @camunda/element-templates-json-schema,
// the schema Modeler itself applies when it loads a template. Usage: node validate-element-templates.mjs DIR
// Exit code 0: all valid; 1: a template is invalid (each problem printed); 2: the tools are missing.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(resolve(process.cwd(), 'package.json'));

let Ajv, schema;
try {
  Ajv = require('ajv');
  schema = require('@camunda/element-templates-json-schema/resources/schema.json');
} catch (e) {
  console.error('node_modules is missing the model checks (ajv, @camunda/element-templates-json-schema): run "npm ci" in '
    + process.cwd() + ' first.\n' + e.message);
  process.exit(2);
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node validate-element-templates.mjs <folder of element templates>');
  process.exit(2);
}

// the schema uses draft-07 plus a few annotation keywords of its own
const ajv = new Ajv.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const files = readdirSync(dir).filter(name => name.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`no element template (*.json) found in ${dir}`);
  process.exit(1);
}

let problems = 0;
const ids = new Map();
for (const name of files) {
  const path = join(dir, name);
  let templates;
  try {
    templates = JSON.parse(readFileSync(path, 'utf-8'));
  } catch (e) {
    console.error(`${path}: not JSON: ${e.message}`);
    problems++;
    continue;
  }
  if (!validate(templates)) {
    for (const error of validate.errors) {
      console.error(`${path}: ${error.instancePath || '/'} ${error.message}`
        + (error.params && Object.keys(error.params).length ? ' ' + JSON.stringify(error.params) : ''));
      problems++;
    }
    continue;
  }
  // Modeler keys templates by id + version: two files must not claim the same one
  for (const template of [].concat(templates)) {
    const key = `${template.id}@${template.version ?? '-'}`;
    if (ids.has(key)) {
      console.error(`${path}: template ${key} is also defined in ${ids.get(key)}`);
      problems++;
    }
    ids.set(key, path);
  }
}

if (problems) {
  console.error(`✖ ${problems} element template problem(s)`);
  process.exit(1);
}
console.log(`✔ ${ids.size} element template(s) in ${files.length} file(s) match the Camunda element template schema`);
