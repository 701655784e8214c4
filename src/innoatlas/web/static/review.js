// Review actions from the pages: each button posts JSON to /api/review/... with the editor's token.
// The token lives in this tab's sessionStorage and is sent as a header, never as a cookie.
(function () {
  "use strict";
  const KEY = "innoatlas-token";
  const message = document.getElementById("review-message");

  function say(text) { if (message) message.textContent = text; }

  async function call(method, url, body) {
    const headers = { "Content-Type": "application/json" };
    const token = sessionStorage.getItem(KEY);
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error((data.error && data.error.message) || response.statusText);
    return data;
  }

  async function showUser() {
    const who = document.getElementById("who");
    const logout = document.getElementById("logout");
    if (!who || !sessionStorage.getItem(KEY)) return;
    try {
      const me = await call("GET", "/api/auth/me");
      who.textContent = me.user + " (" + me.role + ")";
      if (logout) logout.hidden = false;
    } catch (e) {
      sessionStorage.removeItem(KEY);
    }
  }

  function reasonOf(row) {
    const input = row && row.querySelector(".review-reason");
    return input ? input.value : "";
  }

  function numberOrNull(text) { return text === "" ? null : Number(text); }

  async function act(promise) {
    try { await promise; window.location.reload(); } catch (e) { say(e.message); }
  }

  function changesOf(row) {
    const changes = {};
    row.querySelectorAll("input[name], select[name]").forEach((input) => {
      if (input.name === "into" || input.name.startsWith("split_")) return;
      const initial = input.tagName === "SELECT" ? input.querySelector("option[selected]")?.value : input.defaultValue;
      if (input.value === initial) return;
      if (input.name === "value") changes.value = Number(input.value);
      else if (input.name === "subject") changes.subject = numberOrNull(input.value);
      else changes[input.name] = input.value === "" && input.name === "period" ? null : input.value;
    });
    return changes;
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const row = button.closest(".review-row");
    if (button.classList.contains("review-act")) {
      const url = "/api/review/" + button.dataset.kind + "/" + button.dataset.id + "/" + button.dataset.act;
      act(call("POST", url, { reason: reasonOf(row) }));
    } else if (button.classList.contains("review-correct")) {
      const url = "/api/review/" + row.dataset.kind + "/" + row.dataset.id + "/correct";
      act(call("POST", url, { changes: changesOf(row), reason: reasonOf(row) }));
    } else if (button.classList.contains("review-merge")) {
      const into = Number(row.querySelector("input[name=into]").value);
      act(call("POST", "/api/review/entities/" + button.dataset.entity + "/merge", { into, reason: reasonOf(row) }));
    } else if (button.classList.contains("review-split")) {
      const name = row.querySelector("input[name=split_name]").value.trim();
      const aliases = row.querySelector("input[name=split_aliases]").value.split(/[,，、]/).map((a) => a.trim()).filter(Boolean);
      const type = row.querySelector("select[name=type]").value;
      act(call("POST", "/api/review/entities/" + button.dataset.entity + "/split", { name, type, aliases, reason: reasonOf(row) }));
    } else if (button.classList.contains("review-undo")) {
      act(call("POST", "/api/review/actions/" + button.dataset.id + "/undo", { reason: "" }));
    } else if (button.id === "logout") {
      sessionStorage.removeItem(KEY);
      window.location.reload();
    }
  });

  function formValues(form) {
    return Object.fromEntries(new FormData(form).entries());
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    event.preventDefault();
    const values = formValues(form);
    if (form.id === "login-form") {
      try {
        const answer = await call("POST", "/api/auth/login", { name: values.name, password: values.password });
        sessionStorage.setItem(KEY, answer.token);
        window.location.reload();
      } catch (e) { say(e.message); }
    } else if (form.id === "token-form") {
      sessionStorage.setItem(KEY, values.token.trim());
      window.location.reload();
    } else if (form.id === "add-indicator") {
      const fact = { document: Number(form.dataset.document), quote: values.quote, value: Number(values.value),
                     unit: values.unit, metric: values.metric, period: values.period || null,
                     subject: numberOrNull(values.subject) };
      act(call("POST", "/api/review/indicators", { values: fact, reason: values.reason }));
    } else if (form.id === "add-mention") {
      const fact = { document: Number(form.dataset.document), text: values.text, name: values.name || values.text,
                     type: values.type };
      act(call("POST", "/api/review/mentions", { values: fact, reason: values.reason }));
    }
  });

  showUser();
})();
