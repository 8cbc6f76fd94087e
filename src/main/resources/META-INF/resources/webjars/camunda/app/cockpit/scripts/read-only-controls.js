/*
 * dondoc: hides Cockpit's buttons that change a process variable (edit, delete) from a user the engine
 * would refuse anyway: one without UPDATE_VARIABLE on process instances, such as the tracking office
 * (see CamundaGrants). The engine's own authorization check is asked once per page load; whatever a
 * page shows, the engine still answers 403 to a change it does not allow. styles/user-styles.css holds the
 * rule that hides them.
 */
const appRoot = window.location.pathname.split('/app/')[0];

window
  .fetch(appRoot + '/api/engine/engine/default/authorization/check?permissionName=UPDATE_VARIABLE'
    + '&resourceName=ProcessInstance&resourceType=8', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
  .then(response => (response.ok ? response.json() : null))
  .then(check => {
    if (check && check.authorized === false) {
      document.documentElement.classList.add('dondoc-read-only');
    }
  })
  .catch(() => {
    // no answer: the buttons stay, the engine still refuses what is not allowed
  });
