// Review actions from the pages: each button posts JSON to /api/review/... with the editor's token.
// The token lives in this tab's sessionStorage and is sent as a header, never as a cookie.
(function () {
  "use strict";
  const KEY = "innoatlas-token";
  const message = document.getElementById("review-message");

  function say(text) { if (message) message.textContent = text; }

  // The page's language for the errors a user can cause (401, 403, a name not in the list);
  // other errors are the API's own one-line message.
  function sayError(error) {
    const local = message && (message.dataset["error-" + error.status] ||
      message.getAttribute("data-error-" + error.status));
    say(local || error.message);
  }

  async function call(method, url, body) {
    const headers = { "Content-Type": "application/json" };
    const token = sessionStorage.getItem(KEY);
    if (token) headers.Authorization = "Bearer " + token;
    const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error((data.error && data.error.message) || response.statusText);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function show(id, visible) {
    const element = document.getElementById(id);
    if (element) element.hidden = !visible;
  }

  // Write controls start disabled (the page is read only until an editor logs in).
  async function showUser() {
    const who = document.getElementById("who");
    if (!who || !sessionStorage.getItem(KEY)) return;
    let me;
    try {
      me = await call("GET", "/api/auth/me");
    } catch (e) {
      sessionStorage.removeItem(KEY);
      return;
    }
    const role = who.getAttribute("data-role-" + me.role) || me.role;
    who.textContent = me.user + " (" + role + ")";
    show("logout", true);
    show("login-form", false);
    show("token-form", false);
    const prompt = document.getElementById("login-prompt");
    if (me.role === "editor") {
      if (prompt) prompt.hidden = true;
      document.querySelectorAll(".needs-editor").forEach((control) => { control.disabled = false; });
    } else if (prompt) {
      prompt.textContent = prompt.dataset.viewer;
    }
  }

  // An entity picked by name from the page's list (an entity's id also works, as "#12").
  function entityId(text) {
    const name = text.trim();
    if (name === "") return null;
    if (/^#\d+$/.test(name)) return Number(name.slice(1));
    const option = [...document.querySelectorAll("#entity-names option")].find((o) => o.value === name);
    if (!option) {
      const error = new Error(message ? message.dataset.unknownEntity : "unknown entity");
      throw error;
    }
    return Number(option.dataset.id);
  }

  function reasonOf(row) {
    const input = row && row.querySelector(".review-reason");
    return input ? input.value : "";
  }


  async function act(run) {
    try { await run(); window.location.reload(); } catch (e) { sayError(e); }
  }

  function changesOf(row) {
    const changes = {};
    row.querySelectorAll("input[name], select[name]").forEach((input) => {
      if (input.name === "into" || input.name.startsWith("split_")) return;
      const initial = input.tagName === "SELECT" ? input.querySelector("option[selected]")?.value : input.defaultValue;
      if (input.value === initial) return;
      if (input.name === "value") changes.value = Number(input.value);
      else if (input.name === "subject") changes.subject = entityId(input.value);
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
      act(() => call("POST", url, { reason: reasonOf(row) }));
    } else if (button.classList.contains("review-correct")) {
      const url = "/api/review/" + row.dataset.kind + "/" + row.dataset.id + "/correct";
      act(() => call("POST", url, { changes: changesOf(row), reason: reasonOf(row) }));
    } else if (button.classList.contains("review-merge")) {
      act(() => call("POST", "/api/review/entities/" + button.dataset.entity + "/merge",
        { into: entityId(row.querySelector("input[name=into]").value), reason: reasonOf(row) }));
    } else if (button.classList.contains("review-split")) {
      const name = row.querySelector("input[name=split_name]").value.trim();
      const aliases = row.querySelector("input[name=split_aliases]").value.split(/[,，、]/).map((a) => a.trim()).filter(Boolean);
      const type = row.querySelector("select[name=type]").value;
      act(() => call("POST", "/api/review/entities/" + button.dataset.entity + "/split", { name, type, aliases, reason: reasonOf(row) }));
    } else if (button.classList.contains("review-undo")) {
      act(() => call("POST", "/api/review/actions/" + button.dataset.id + "/undo", { reason: "" }));
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
      } catch (e) { sayError(e); }
    } else if (form.id === "token-form") {
      sessionStorage.setItem(KEY, values.token.trim());
      window.location.reload();
    } else if (form.id === "add-indicator") {
      act(() => call("POST", "/api/review/indicators", { values: {
        document: Number(form.dataset.document), quote: values.quote, value: Number(values.value),
        unit: values.unit, metric: values.metric, period: values.period || null,
        subject: entityId(values.subject || "") }, reason: values.reason }));
    } else if (form.id === "add-mention") {
      const fact = { document: Number(form.dataset.document), text: values.text, name: values.name || values.text,
                     type: values.type };
      act(() => call("POST", "/api/review/mentions", { values: fact, reason: values.reason }));
    }
  });

  showUser();
})();
