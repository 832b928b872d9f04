// The placeholder page: who is signed in (GET /api/me) and a sign-out form carrying the CSRF cookie's token.
(function () {
  function cookie(name) {
    const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
  }
  document.getElementById('csrf').value = cookie('XSRF-TOKEN');
  fetch('/api/me', { headers: { Accept: 'application/json' } })
    .then((answer) => (answer.ok ? answer.json() : Promise.reject(answer.status)))
    .then((me) => {
      document.getElementById('who').textContent = 'Signed in as ' + (me.name || me.subject) + ' (' + me.subject + ')';
      const roles = document.getElementById('roles');
      (me.roles || []).forEach((role) => {
        const item = document.createElement('li');
        item.textContent = role;
        roles.appendChild(item);
      });
    })
    .catch(() => { window.location.assign('/oauth2/authorization/caravan'); });
})();
