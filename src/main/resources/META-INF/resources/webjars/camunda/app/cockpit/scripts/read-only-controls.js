/*
 * dondoc: hides Cockpit's controls that change a process from a user the engine would refuse anyway, such
 * as the tracking office (read-only in Cockpit, see CamundaGrants): the buttons that edit or delete a
 * variable, the toolbar actions of an instance (add a variable, delete it, suspend or activate it, retry its
 * jobs) and of a definition (suspend or activate it, override its job priority), an incident's retry, a
 * job's suspend/activate and due-date recalculation in an instance's jobs tab, and a job definition's
 * suspend/activate and job priority in a definition's job definitions tab. The engine's own
 * authorization check is asked once per page load for each; a class on <html> says which permission is
 * missing and styles/user-styles.css holds the rules that hide the controls. Whatever a page shows, the
 * engine still answers 403 to a change it does not allow.
 */
const appRoot = window.location.pathname.split('/app/')[0];

// class set when the user holds none of the permissions (on any resource of that type)
const checks = [
  { className: 'dondoc-read-only', resourceName: 'ProcessInstance', resourceType: 8, permissions: ['UPDATE_VARIABLE'] },
  { className: 'dondoc-no-delete', resourceName: 'ProcessInstance', resourceType: 8, permissions: ['DELETE'] },
  { className: 'dondoc-no-suspend', resourceName: 'ProcessInstance', resourceType: 8, permissions: ['SUSPEND', 'UPDATE'] },
  { className: 'dondoc-no-retry', resourceName: 'ProcessInstance', resourceType: 8, permissions: ['RETRY_JOB', 'UPDATE'] },
  { className: 'dondoc-no-update', resourceName: 'ProcessInstance', resourceType: 8, permissions: ['UPDATE'] },
  { className: 'dondoc-no-definition-suspend', resourceName: 'ProcessDefinition', resourceType: 6, permissions: ['SUSPEND', 'UPDATE'] },
  { className: 'dondoc-no-definition-update', resourceName: 'ProcessDefinition', resourceType: 6, permissions: ['UPDATE'] }
];

function authorized(check, permission) {
  return window
    .fetch(appRoot + '/api/engine/engine/default/authorization/check?permissionName=' + permission
      + '&resourceName=' + check.resourceName + '&resourceType=' + check.resourceType,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : null))
    // no answer: counted as allowed, so the control stays; the engine still refuses what is not allowed
    .then(answer => !(answer && answer.authorized === false))
    .catch(() => true);
}

checks.forEach(check => {
  Promise.all(check.permissions.map(permission => authorized(check, permission))).then(answers => {
    if (!answers.includes(true)) {
      document.documentElement.classList.add(check.className);
    }
  });
});
