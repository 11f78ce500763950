/// The pages' script and style, served by the binary: no CDN, no inline script (the
/// Content-Security-Policy forbids both). The script only ever puts user text in the page with
/// `textContent`, never as markup.
enum Assets {
    static let script = #"""
"use strict";
(() => {
  const main = document.querySelector("main[data-page]");
  if (!main) return;
  const lang = main.dataset.lang || "fr";
  let words = {};
  let csrf = "";
  const $ = (id) => document.getElementById(id);
  const say = (key, args) => (words[key] || key).replace(/\{([a-zA-Z]+)\}/g, (m, name) => (args && name in args) ? String(args[name]) : m);
  const make = (tag, attrs, children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value; else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  };
  async function api(method, path, body) {
    const headers = {"Accept": "application/json"};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (csrf) headers["X-Atelier-CSRF"] = csrf;
    const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin"});
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return {ok: response.ok, status: response.status, data};
  }
  const show = (id, text) => { const node = $(id); if (node) node.textContent = text || ""; };
  const debounce = (fn, ms) => { let timer; return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); }; };

  // Joining
  async function joinPage() {
    const code = $("code"), group = $("group");
    const params = new URLSearchParams(location.search);
    if (params.get("code")) code.value = params.get("code");
    const loadGroups = async () => {
      const value = code.value.trim();
      group.replaceChildren();
      if (value.length < 4) return;
      const reply = await api("GET", "/api/workshops/" + encodeURIComponent(value));
      if (!reply.ok) { show("join-message", reply.data && reply.data.error); return; }
      show("join-message", "");
      for (const name of reply.data.groups) group.append(make("option", {value: name, text: name}));
    };
    code.addEventListener("change", loadGroups);
    code.addEventListener("input", debounce(loadGroups, 400));
    if (code.value) loadGroups();
    $("join-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const reply = await api("POST", "/api/join", {code: code.value.trim(), name: $("name").value, group: group.value});
      if (!reply.ok) { show("join-message", reply.data && reply.data.error); return; }
      location.href = "/edit";
    });
  }

  // Trainer
  async function trainerPage() {
    const offered = (await api("GET", "/api/checklists")).data || {checklists: [], rubrics: []};
    $("checklists").append(...offered.checklists.map((name, index) => make("label", {for: "checklist-" + index, class: "choice"},
      [make("input", {type: "checkbox", id: "checklist-" + index, value: name}), document.createTextNode(" " + name)])));
    $("rubric").replaceChildren(make("option", {value: "", text: "—"}), ...offered.rubrics.map((name) => make("option", {value: name, text: name})));
    $("create-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const groups = $("groups").value.split("\n").map((line) => line.trim()).filter(Boolean);
      const checklists = [...document.querySelectorAll("#checklists input:checked")].map((box) => box.value);
      const file = $("upload").files[0];
      const uploads = file ? [{name: file.name.replace(/\.ya?ml$/, ""), yaml: await file.text()}] : [];
      const reply = await api("POST", "/api/workshops", {title: $("title").value, language: $("language").value, password: $("password").value, groups,
                                                          checklists, uploads, rubric: $("rubric").value || null,
                                                          dates: $("start-date").value ? {start: $("start-date").value, end: $("end-date").value || $("start-date").value} : null});
      if (!reply.ok) { show("create-message", reply.data && reply.data.error); return; }
      dashboard();
    });
    $("login-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const reply = await api("POST", "/api/trainer/login", {code: $("login-code").value.trim(), password: $("login-password").value});
      if (!reply.ok) { show("login-message", reply.data && reply.data.error); return; }
      dashboard();
    });
    const session = await api("GET", "/api/session");
    if (session.ok && session.data.role === "trainer") dashboard();
  }

  async function dashboard() {
    const session = await api("GET", "/api/session");
    if (!session.ok || session.data.role !== "trainer") return;
    csrf = session.data.csrf;
    $("start").hidden = true;
    $("dashboard").hidden = false;
    show("dashboard-title", session.data.title);
    show("join-code", session.data.code);
    $("qr").src = "/api/trainer/qr.svg";
    $("cotrainer-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const reply = await api("POST", "/api/trainer/cotrainers", {name: $("cotrainer-name").value, password: $("cotrainer-password").value});
      if (!reply.ok) { show("cotrainer-message", reply.data && reply.data.error); return; }
      show("cotrainer-message", "");
      $("cotrainer-name").value = ""; $("cotrainer-password").value = "";
      show("cotrainers", say("coTrainersAdded", {names: reply.data.coTrainers.join(", ")}));
    });
    const refresh = async () => {
      const reply = await api("GET", "/api/trainer/overview");
      if (!reply.ok) return;
      if (reply.data.dates) show("dashboard-dates", reply.data.dates.start + " → " + reply.data.dates.end);
      if (reply.data.coTrainers.length) show("cotrainers", say("coTrainersAdded", {names: reply.data.coTrainers.join(", ")}));
      $("addresses").replaceChildren(...reply.data.addresses.map((address) => make("li", {text: address + "/?code=" + reply.data.code})));
      const cards = reply.data.groups.map((group) => {
        const percent = group.readiness === null || group.readiness === undefined ? null : Math.round(group.readiness * 100);
        const status = group.version === 0 ? say("notStarted")
          : say("savedBy", {number: group.version, author: group.author}) + " — " + group.errors + " " + say("errors") + ", " + group.warnings + " " + say("warnings");
        const bar = make("div", {class: "bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(percent || 0),
                                 "aria-label": say("readiness") + " " + group.name}, [make("span", {})]);
        bar.firstChild.style.width = (percent || 0) + "%";
        const view = make("button", {type: "button", text: say("viewButton")});
        view.addEventListener("click", async () => {
          const detail = await api("GET", "/api/trainer/groups/" + group.id);
          if (!detail.ok) return;
          $("group-view").hidden = false;
          show("group-view-title", group.name);
          show("group-view-yaml", detail.data.yaml);
        });
        return make("article", {class: "group", "data-group": group.name}, [
          make("h3", {text: group.name}), bar,
          make("p", {class: "percent", text: percent === null ? "—" : percent + " %"}),
          make("p", {class: "status", text: status}), view]);
      });
      $("groups-list").replaceChildren(...cards);
    };
    await refresh();
    setInterval(refresh, 3000);
  }

  // Editor
  async function editorPage() {
    const session = await api("GET", "/api/session");
    if (!session.ok || session.data.role !== "trainee") { location.href = "/"; return; }
    csrf = session.data.csrf;
    show("editor-title", session.data.title + " — " + session.data.group);
    const yaml = $("yaml");
    let base = 0, savedText = "", schema = null, tree = null;
    const status = (key) => show("save-status", key ? say(key) : "");
    const latest = await api("GET", "/api/mockup");
    base = latest.data.number;
    savedText = latest.data.yaml;
    yaml.value = latest.data.yaml;
    if (base === 0) {
      $("start").hidden = false;
      const names = (await api("GET", "/api/templates")).data || [];
      $("template").replaceChildren(...names.map((name) => make("option", {value: name, text: name === "blank" ? say("startBlank") : name})));
      $("use-template").addEventListener("click", async () => {
        const template = await api("GET", "/api/templates/" + encodeURIComponent($("template").value));
        if (!template.ok) return;
        yaml.value = template.data.yaml;
        $("start").hidden = true;
        changed("yaml");
      });
    } else {
      status("saved");
    }

    // Tabs
    const tabs = ["form", "yaml", "preview", "history"];
    const select = async (name) => {
      for (const other of tabs) {
        $("tab-" + other).setAttribute("aria-selected", String(other === name));
        $("tab-" + other).tabIndex = other === name ? 0 : -1;
        $("pane-" + other).hidden = other !== name;
      }
      if (name === "form") await loadForm();
      if (name === "preview") $("preview").src = "/sheet?" + Date.now();
      if (name === "history") await loadHistory();
    };
    tabs.forEach((name, index) => {
      const tab = $("tab-" + name);
      tab.addEventListener("click", () => select(name));
      tab.addEventListener("keydown", (event) => {
        const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) return;
        const next = tabs[(index + step + tabs.length) % tabs.length];
        select(next); $("tab-" + next).focus();
      });
    });

    // Checking as one types
    let lastFindings = [];
    const check = debounce(async () => {
      const reply = await api("POST", "/api/check", {yaml: yaml.value});
      if (!reply.ok) { show("editor-message", (reply.data && reply.data.error) || say("checkFailed")); return; }
      show("editor-message", "");
      const file = reply.data.files[0];
      const score = file.readiness ? Math.round(file.readiness.score * 100) : 0;
      $("readiness").setAttribute("aria-valuenow", String(score));
      $("readiness-fill").style.width = score + "%";
      show("readiness-value", file.readiness ? score + " %" : "—");
      lastFindings = file.findings.filter((finding) => !finding.suppressed);
      renderFindings();
      placeFindings();
    }, 500);
    const renderFindings = () => {
      const items = lastFindings.map((finding) => {
        const where = finding.line ? say("lineWord") + " " + finding.line : "";
        const item = make("li", {class: "finding " + finding.severity, tabindex: "0", "data-line": finding.line || ""}, [
          make("strong", {text: say(finding.severity)}), document.createTextNode(" " + where + " — "),
          make("span", {text: finding.message}), finding.fix ? make("p", {class: "fix", text: finding.fix}) : null]);
        item.addEventListener("click", () => goToLine(finding.line));
        item.addEventListener("keydown", (event) => { if (event.key === "Enter") goToLine(finding.line); });
        return item;
      });
      $("findings").replaceChildren(...(items.length ? items : [make("li", {text: say("noFindings")})]));
    };
    const goToLine = (line) => {
      if (!line) return;
      select("yaml");
      const lines = yaml.value.split("\n");
      const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
      yaml.focus();
      yaml.setSelectionRange(start, start + (lines[line - 1] || "").length);
    };

    // Saving: every save is a version; a save on an old version is refused with theirs shown.
    const save = async (over) => {
      status("saving");
      const reply = await api("PUT", "/api/mockup", {base: over === undefined ? base : over, yaml: yaml.value});
      if (reply.status === 409 && reply.data && reply.data.latest) {
        $("conflict").hidden = false;
        show("conflict-message", reply.data.error);
        show("conflict-theirs", reply.data.latest.yaml);
        $("conflict").dataset.number = reply.data.latest.number;
        status("unsaved");
        return;
      }
      if (!reply.ok) { status(null); show("editor-message", reply.data ? reply.data.error : say("offline")); setTimeout(() => save(over), 4000); return; }
      base = reply.data.number;
      savedText = yaml.value;
      $("conflict").hidden = true;
      status("saved");
    };
    $("save").addEventListener("click", () => save());
    $("take-theirs").addEventListener("click", () => {
      yaml.value = $("conflict-theirs").textContent;
      base = Number($("conflict").dataset.number);
      savedText = yaml.value;
      $("conflict").hidden = true;
      status("saved");
      changed("yaml");
    });
    $("keep-mine").addEventListener("click", () => save(Number($("conflict").dataset.number)));
    const autosave = debounce(() => { if (yaml.value !== savedText && $("conflict").hidden) save(); }, 4000);
    const changed = (source) => {
      status(yaml.value === savedText ? "saved" : "unsaved");
      check();
      autosave();
      if (source === "yaml") tree = null;
    };
    yaml.addEventListener("input", () => changed("yaml"));
    window.addEventListener("beforeunload", (event) => { if (yaml.value !== savedText) event.preventDefault(); });

    // History
    const loadHistory = async () => {
      const reply = await api("GET", "/api/mockup/history");
      if (!reply.ok) return;
      $("history").replaceChildren(...reply.data.map((version) => {
        const restore = make("button", {type: "button", text: say("restoreButton")});
        restore.addEventListener("click", () => { yaml.value = version.yaml; changed("yaml"); select("yaml"); });
        return make("li", {}, [document.createTextNode(say("savedBy", {number: version.number, author: version.author}) + " — " + version.savedAt + " "), restore]);
      }));
    };

    // The guided form, generated from the format's JSON Schema
    const loadForm = async () => {
      if (!schema) schema = (await api("GET", "/schema/mockup.json")).data;
      if (!tree) {
        const reply = await api("POST", "/api/yaml/tree", {yaml: yaml.value});
        if (!reply.ok || reply.data.error) { $("guided").replaceChildren(make("p", {class: "alert", role: "alert", text: reply.data ? reply.data.error : say("checkFailed")})); return; }
        tree = fromJSON(reply.data.tree) || {};
      }
      $("guided").replaceChildren(...objectFields(schema, []));
      placeFindings();
    };
    const fromJSON = (value) => {
      if (value === null || typeof value === "string") return value;
      if (value.o) { const object = {}; for (const [key, item] of value.o) object[key] = fromJSON(item); return object; }
      return value.a.map(fromJSON);
    };
    const isEmptyBlock = (value) => value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
    const toJSON = (value) => {
      if (value === null || value === undefined) return null;
      if (typeof value === "string") return value;
      if (Array.isArray(value)) return {a: value.map(toJSON)};
      return {o: Object.entries(value).filter(([, item]) => item !== undefined && item !== "" && !isEmptyBlock(item)).map(([key, item]) => [key, toJSON(item)])};
    };
    const formChanged = debounce(async () => {
      const reply = await api("POST", "/api/yaml/text", {tree: toJSON(tree)});
      if (!reply.ok) return;
      yaml.value = reply.data.yaml;
      changed("form");
    }, 300);
    // The tree is read where a field is drawn and written only when someone types: drawing
    // the form never adds empty blocks to the mockup.
    const get = (path) => path.reduce((value, step) => (value === null || value === undefined) ? undefined : value[step], tree);
    const set = (path, value) => {
      let container = tree;
      path.slice(0, -1).forEach((step, index) => {
        if (container[step] === null || typeof container[step] !== "object") container[step] = typeof path[index + 1] === "number" ? [] : {};
        container = container[step];
      });
      if (value === undefined) delete container[path[path.length - 1]]; else container[path[path.length - 1]] = value;
      formChanged();
    };
    const dotted = (path) => path.map((step) => typeof step === "number" ? "[" + step + "]" : step).join(".").replace(/\.\[/g, "[");
    const idOf = (path) => "f-" + dotted(path).replace(/[^A-Za-z0-9]+/g, "-");
    const objectFields = (node, path) => Object.entries(node.properties || {}).map(([key, child]) => field(child, path.concat([key])));
    const isDate = (node) => node.pattern && node.pattern.startsWith("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    const field = (node, path) => {
      const key = path[path.length - 1], id = idOf(path), where = dotted(path);
      const help = node.description ? make("span", {class: "help", id: id + "-help", text: node.description}) : null;
      const value = get(path);
      if (node.type === "object" && node.properties) {
        return make("fieldset", {"data-path": where, class: "group"}, [make("legend", {text: key}), help, ...objectFields(node, path)]);
      }
      if (node.type === "array" && node.items && node.items.type === "object") {
        const list = Array.isArray(value) ? value : [];
        const box = make("fieldset", {"data-path": where, class: "list"}, [make("legend", {text: key}), help]);
        list.forEach((item, index) => {
          const remove = make("button", {type: "button", class: "remove", text: say("removeItem") + " " + key + " " + (index + 1)});
          remove.addEventListener("click", () => { list.splice(index, 1); formChanged(); redraw(); });
          box.append(make("fieldset", {"data-path": where + "[" + index + "]", class: "item"},
            [make("legend", {text: key + " " + (index + 1)}), ...objectFields(node.items, path.concat([index])), remove]));
        });
        const add = make("button", {type: "button", class: "add", text: say("addItem") + " — " + key});
        add.addEventListener("click", () => { set(path, list.concat([{}])); redraw(); });
        box.append(add);
        return box;
      }
      let control;
      const described = help ? id + "-help" : null;
      if (node.type === "array") {
        const items = Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
        if (node.items && node.items.enum) {
          return make("fieldset", {"data-path": where, class: "choices"}, [make("legend", {text: key}), help,
            ...node.items.enum.map((option, index) => {
              const box = make("input", {type: "checkbox", id: id + "-" + index, checked: items.includes(option)});
              box.addEventListener("change", () => {
                const chosen = node.items.enum.filter((other, position) => $(id + "-" + position).checked);
                set(path, chosen.length ? chosen : undefined);
              });
              const label = (node.items.enumDescriptions || [])[index] || option;
              return make("label", {for: id + "-" + index, class: "choice"}, [box, document.createTextNode(" " + label)]);
            })]);
        }
        control = make("textarea", {id, rows: "3", "aria-describedby": described});
        control.value = items.join("\n");
        control.addEventListener("input", () => { const lines = control.value.split("\n").map((line) => line.trim()).filter(Boolean); set(path, lines.length ? lines : undefined); });
      } else if (node.enum) {
        control = make("select", {id, "aria-describedby": described}, [make("option", {value: "", text: "—"}),
          ...node.enum.map((option, index) => make("option", {value: option, text: (node.enumDescriptions || [])[index] || option, selected: value === option}))]);
        control.addEventListener("change", () => set(path, control.value || undefined));
      } else if (node.type === "boolean") {
        control = make("select", {id, "aria-describedby": described}, [make("option", {value: "", text: "—"}),
          make("option", {value: "true", text: lang === "fr" ? "oui" : "yes", selected: value === "true" || value === "yes" || value === "oui"}),
          make("option", {value: "false", text: lang === "fr" ? "non" : "no", selected: value === "false" || value === "no" || value === "non"})]);
        control.addEventListener("change", () => set(path, control.value || undefined));
      } else if (typeof value === "object" && value !== null) {
        return make("p", {class: "field", "data-path": where}, [make("span", {class: "label", text: key}), make("span", {class: "help", text: say("yamlTab") + " ↗"})]);
      } else {
        const long = ["summary", "text", "success", "purpose", "after-project", "non-digital-alternative"].includes(key);
        control = make(long ? "textarea" : "input", {id, type: long ? null : isDate(node) ? "date" : (node.type === "integer" || node.type === "number") ? "number" : "text",
          step: node.type === "number" ? "any" : null, rows: long ? "2" : null, "aria-describedby": described});
        control.value = typeof value === "string" ? value : "";
        control.addEventListener("input", () => set(path, control.value === "" ? undefined : control.value));
      }
      return make("p", {class: "field", "data-path": where}, [make("label", {for: id, text: key}), control, help]);
    };
    const redraw = () => setTimeout(() => { $("guided").replaceChildren(...objectFields(schema, [])); placeFindings(); }, 0);
    const placeFindings = () => {
      for (const old of document.querySelectorAll("#guided .field-finding")) old.remove();
      for (const finding of lastFindings) {
        if (!finding.path) continue;
        let path = finding.path, target = null;
        while (path && !(target = document.querySelector('#guided [data-path="' + CSS.escape(path) + '"]'))) {
          const shorter = path.replace(/(\.?[^.\[\]]+|\[\d+\])$/, "");
          path = shorter === path ? "" : shorter;
        }
        if (!target) continue;
        target.append(make("span", {class: "field-finding " + finding.severity, role: "note", text: finding.message + (finding.fix ? " " + finding.fix : "")}));
      }
    };

    await select("form");
    check();
  }

  // Grading the presentations (trainers, on tablets): a save on every tap, retried until it is acknowledged.
  async function gradePage() {
    const session = await api("GET", "/api/session");
    if (!session.ok || session.data.role !== "trainer") { location.href = "/trainer"; return; }
    csrf = session.data.csrf;
    let view = (await api("GET", "/api/grading")).data;
    show("grade-title", say("gradeTitle") + " — " + session.data.title);
    const select = $("grade-group");
    select.replaceChildren(...view.groups.map((group) => make("option", {value: String(group.id), text: group.name + (group.title !== group.name ? " — " + group.title : "")})));
    const mine = (group, criterion) => view.mine.find((score) => score.groupID === group && score.criterion === criterion);
    const send = async (body, attempt) => {
      show("grade-status", say("saving"));
      const reply = await api("PUT", "/api/grading/scores", body).catch(() => ({ok: false, data: null}));
      if (!reply.ok && !reply.data) { show("grade-status", say("offline")); setTimeout(() => send(body, (attempt || 0) + 1), 2000); return; }
      if (!reply.ok) { show("grade-status", reply.data.error); return; }
      show("grade-status", say("saved"));
      view = (await api("GET", "/api/grading")).data;
      drawProgress();
    };
    const draw = () => {
      const group = Number(select.value);
      const info = view.groups.find((item) => item.id === group);
      show("automatic", info && info.readiness !== null && info.readiness !== undefined ? say("automaticCriterion", {readiness: Math.round(info.readiness * 100) + " %"}) : "");
      $("criteria").replaceChildren(...view.rubric.criteria.filter((criterion) => !criterion.automatic).map((criterion) => {
        const current = mine(group, criterion.id);
        const buttons = criterion.levels.map((level, index) => {
          const button = make("button", {type: "button", class: "level", "aria-pressed": String(current && current.level === index)},
            [make("strong", {text: level.label}), level.descriptor ? make("span", {text: level.descriptor}) : null]);
          button.addEventListener("click", () => {
            const chosen = current && current.level === index ? null : index;
            send({group, criterion: criterion.id, level: chosen, comment: $("comment-" + criterion.id).value || null});
            for (const other of button.parentNode.querySelectorAll("button")) other.setAttribute("aria-pressed", "false");
            button.setAttribute("aria-pressed", String(chosen !== null));
          });
          return button;
        });
        const comment = make("textarea", {id: "comment-" + criterion.id, rows: "2"});
        comment.value = current && current.comment ? current.comment : "";
        comment.addEventListener("change", () => {
          const now = mine(group, criterion.id);
          send({group, criterion: criterion.id, level: now ? now.level : null, comment: comment.value || null});
        });
        return make("fieldset", {class: "criterion", "data-criterion": criterion.id, "data-counted": String(!criterion.feedbackOnly)}, [
          make("legend", {text: criterion.label + (criterion.feedbackOnly ? "" : " (×" + criterion.weight + ")")}),
          make("div", {class: "levels"}, buttons),
          make("label", {for: "comment-" + criterion.id, text: say("commentLabel")}), comment]);
      }));
    };
    const drawProgress = () => {
      const graders = [...new Set(view.progress.map((item) => item.grader))];
      const head = make("tr", {}, [make("th", {scope: "col", text: ""}), ...graders.map((grader) => make("th", {scope: "col", text: grader})),
        make("th", {scope: "col", text: say("peerAnswered")})]);
      const rows = view.groups.map((group) => make("tr", {}, [make("th", {scope: "row", text: group.name}), ...graders.map((grader) => {
        const item = view.progress.find((entry) => entry.group === group.id && entry.grader === grader);
        return make("td", {text: item ? item.done + " / " + item.total : ""});
      }), make("td", {class: "rated", text: group.members.map((member) => (group.rated.includes(member) ? "✓ " : "… ") + member).join(", ")})]));
      $("progress").replaceChildren(make("thead", {}, [head]), make("tbody", {}, rows));
    };
    select.addEventListener("change", draw);
    draw(); drawProgress();
    setInterval(async () => { const fresh = await api("GET", "/api/grading"); if (fresh.ok) { view = fresh.data; drawProgress(); } }, 5000);
    let started = null, ticking = null;
    $("timer").addEventListener("click", () => {
      if (ticking) { clearInterval(ticking); ticking = null; show("timer", say("timerStart")); return; }
      started = Date.now();
      show("timer", say("timerStop"));
      ticking = setInterval(() => {
        const seconds = Math.floor((Date.now() - started) / 1000);
        show("timer-value", String(Math.floor(seconds / 60)).padStart(2, "0") + ":" + String(seconds % 60).padStart(2, "0"));
      }, 1000);
    });
    $("compute").addEventListener("click", async () => {
      const reply = await api("GET", "/api/grading/results");
      if (!reply.ok) { show("grade-status", reply.data && reply.data.error); return; }
      $("summary").hidden = false;
      show("summary", reply.data.summary);
      $("problems-title").hidden = reply.data.problems.length === 0;
      $("problems").replaceChildren(...reply.data.problems.map((text) => make("li", {text})));
      const grading = JSON.parse(reply.data.grading);
      $("publication").replaceChildren(...reply.data.groups.map((group) => {
        const grade = grading.groups.find((item) => item.group === group.title) || {};
        const mark = grade.status === "marked" ? grade.grade + " / " + grade.out_of : say("incompleteWord");
        const toggle = make("button", {type: "button", text: say(group.published ? "unpublish" : "publish")});
        toggle.addEventListener("click", async () => {
          const done = await api("POST", "/api/grading/publish", {group: group.id, published: !group.published});
          if (done.ok) $("compute").click();
        });
        const disagreeing = (grade.criteria || []).filter((criterion) => criterion.disagreement).map((criterion) => criterion.id);
        return make("article", {class: "group", "data-group": group.name}, [make("h3", {text: group.name}),
          make("p", {class: "percent", text: mark}),
          disagreeing.length ? make("p", {class: "status disagreement", text: say("disagreementOn", {criteria: disagreeing.join(", ")})}) : null,
          make("p", {class: "status", text: Object.entries(grade.graders || {}).map(([grader, total]) => grader + " " + (lang === "fr" ? total.toFixed(1).replace(".", ",") : total.toFixed(1))).join(" · ")}),
          toggle]);
      }));
    });
  }

  // The projects' impact: survey exports uploaded, read as atelier impact reads them.
  async function impactPage() {
    const session = await api("GET", "/api/session");
    if (!session.ok || session.data.role !== "trainer") { location.href = "/trainer"; return; }
    csrf = session.data.csrf;
    const overview = (await api("GET", "/api/trainer/overview")).data;
    const select = $("impact-group");
    select.replaceChildren(...overview.groups.map((group) => make("option", {value: String(group.id), text: group.name})));
    const refresh = async () => {
      const id = select.value;
      const listed = await api("GET", "/api/impact/" + id + "/exports");
      $("impact-exports").replaceChildren(...((listed.data && listed.data.exports) || []).map((name) => make("li", {text: name})));
      const report = await api("GET", "/api/impact/" + id + "/report.json");
      const ready = report.ok;
      show("impact-message", ready ? "" : report.data && report.data.error);
      $("impact-downloads").hidden = !ready;
      $("impact-report").hidden = !ready;
      if (ready) {
        $("impact-report").src = "/api/impact/" + id + "/report.html";
        $("impact-workbook").href = "/api/impact/" + id + "/workbook.xlsx";
        $("impact-aggregate").href = "/api/impact/" + id + "/aggregate.json";
      }
    };
    const network = async () => {
      const report = await fetch("/api/network/report.html", {credentials: "same-origin"});
      $("network-report").hidden = !report.ok;
      if (report.ok) $("network-report").src = "/api/network/report.html?" + Date.now();
    };
    $("network-file").addEventListener("change", async () => {
      const file = $("network-file").files[0];
      if (!file) return;
      const response = await fetch("/api/network/aggregates", {method: "POST", credentials: "same-origin",
        headers: {"X-Atelier-CSRF": csrf, "X-Filename": file.name, "Content-Type": "application/json"}, body: file});
      const data = await response.json().catch(() => null);
      if (!response.ok) { show("network-message", data && data.error); return; }
      show("network-message", "");
      $("network-files").replaceChildren(...data.aggregates.map((name) => make("li", {text: name})));
      $("network-file").value = "";
      network();
    });
    network();
    select.addEventListener("change", refresh);
    $("impact-file").addEventListener("change", async () => {
      const file = $("impact-file").files[0];
      if (!file) return;
      const response = await fetch("/api/impact/" + select.value + "/exports", {method: "POST", credentials: "same-origin",
        headers: {"X-Atelier-CSRF": csrf, "X-Filename": file.name, "Content-Type": "application/octet-stream"}, body: file});
      if (!response.ok) { const data = await response.json().catch(() => null); show("impact-message", data && data.error); return; }
      $("impact-file").value = "";
      refresh();
    });
    refresh();
  }

  // Day 2 for a member: rate the group once, then read the published results.
  async function day2Page() {
    const session = await api("GET", "/api/session");
    if (!session.ok || session.data.role !== "trainee") { location.href = "/"; return; }
    csrf = session.data.csrf;
    show("day2-title", say("peerTitle") + " — " + session.data.group);
    const peer = (await api("GET", "/api/peer")).data;
    if (peer.submitted) { $("peer-form").hidden = true; show("peer-message", ""); }
    $("peer-members").replaceChildren(...peer.members.map((name, index) => make("p", {class: "field"}, [
      make("label", {for: "peer-" + index, text: name}),
      make("input", {id: "peer-" + index, type: "number", min: "0", max: "5", step: "1", required: true, "data-member": name})])));
    $("peer-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const marks = [...document.querySelectorAll("#peer-members input")].map((input) => ({receiver: input.dataset.member, mark: Number(input.value)}));
      const reply = await api("POST", "/api/peer", {marks});
      if (!reply.ok) { show("peer-message", reply.data && reply.data.error); return; }
      $("peer-form").hidden = true;
      show("result-title", say("marksSent") + " — " + say("resultsTitle"));
    });
    const result = (await api("GET", "/api/results")).data;
    if (!result.published) { show("result-mark", say("resultsNotYet")); return; }
    show("result-mark", result.markText ? say("yourMark", {mark: result.markText, outOf: result.outOfText}) : say("incompleteWord"));
    if (result.individualMarkText) show("result-individual", say("individualMark", {mark: result.individualMarkText}));
    $("result-feedback").hidden = false;
    show("result-feedback", (result.feedback || "") + (result.individual ? "\n\n" + result.individual : ""));
  }

  fetch("/assets/words/" + lang).then((response) => response.json()).then((loaded) => {
    words = loaded;
    const page = main.dataset.page;
    if (page === "join") joinPage();
    if (page === "trainer") trainerPage();
    if (page === "editor") editorPage();
    if (page === "grade") gradePage();
    if (page === "day2") day2Page();
    if (page === "impact") impactPage();
  });
})();
"""#

    static let style = #"""
:root { --ink: #1b1b1f; --muted: #4a4a55; --accent: #0b57a4; --error: #a4161a; --warning: #8a5300; --info: #2a5d34; --line: #c9c9d2; --paper: #ffffff; --soft: #f3f4f7; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 16px/1.5 system-ui, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--paper); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; }
a { color: var(--accent); }
label, .label { display: block; font-weight: 600; }
input, select, textarea, button { font: inherit; }
input, select, textarea { width: 100%; padding: .45rem .5rem; border: 1px solid var(--muted); border-radius: 4px; background: #fff; color: var(--ink); }
textarea#yaml { font-family: "DejaVu Sans Mono", monospace; font-size: .9rem; min-height: 28rem; }
button { padding: .5rem .9rem; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; margin: .25rem .25rem .25rem 0; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.field { margin: 0 0 .9rem; }
.help { display: block; color: var(--muted); font-size: .9rem; }
.alert { color: var(--error); font-weight: 600; min-height: 1.5em; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 2rem; }
.code { font-size: 2.5rem; letter-spacing: .2em; font-weight: 700; margin: .2rem 0; }
.joining { display: flex; flex-wrap: wrap; gap: 2rem; align-items: center; }
.groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; margin-top: 1rem; }
.group { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; background: var(--soft); }
.group h3 { margin: 0 0 .5rem; font-size: 1.1rem; }
.bar { height: .9rem; background: #dfe1e8; border-radius: 999px; overflow: hidden; min-width: 8rem; }
.bar span { display: block; height: 100%; width: 0; background: var(--accent); transition: width .3s; }
.percent { font-weight: 700; margin: .3rem 0 0; }
.status { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
.yaml { background: var(--soft); border: 1px solid var(--line); padding: .75rem; overflow: auto; max-height: 30rem; white-space: pre-wrap; }
.editor-head { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
.readiness { display: flex; align-items: center; gap: .5rem; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }
.workspace { display: grid; grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); gap: 1rem; }
.tabs { display: flex; flex-wrap: wrap; border-bottom: 2px solid var(--line); margin-bottom: .75rem; }
.tabs button { background: var(--soft); color: var(--ink); border: 1px solid var(--line); border-bottom: none; border-radius: 4px 4px 0 0; margin: 0 .25rem 0 0; }
.tabs button[aria-selected="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
iframe#preview, iframe#impact-report { width: 100%; height: 70vh; border: 1px solid var(--line); }
.findings { border-left: 4px solid var(--line); padding-left: .75rem; }
.findings ul { list-style: none; padding: 0; margin: 0; }
.finding { padding: .5rem; margin-bottom: .5rem; border-radius: 4px; background: var(--soft); cursor: pointer; }
.finding.error { border-left: 4px solid var(--error); }
.finding.warning { border-left: 4px solid var(--warning); }
.finding.info { border-left: 4px solid var(--info); }
.fix { margin: .25rem 0 0; color: var(--muted); font-size: .9rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .5rem .75rem; }
legend { font-weight: 700; padding: 0 .25rem; }
.choice { font-weight: 400; display: flex; gap: .5rem; align-items: center; }
.choice input { width: auto; }
.field-finding { display: block; margin-top: .25rem; padding: .25rem .5rem; border-radius: 4px; font-size: .9rem; background: #fff4f4; color: var(--error); }
.field-finding.warning { background: #fff8ec; color: var(--warning); }
.field-finding.info { background: #f1f8f2; color: var(--info); }
.conflict { border: 2px solid var(--warning); border-radius: 6px; padding: .75rem; margin: 1rem 0; background: #fff8ec; }
.remove { background: #fff; color: var(--error); border-color: var(--error); }
.add { background: #fff; color: var(--accent); }
.problem { color: var(--error); font-weight: 600; }
.criteria { display: grid; gap: 1rem; }
.levels { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin-bottom: .5rem; }
.level { display: flex; flex-direction: column; align-items: flex-start; text-align: left; min-height: 4.5rem; background: #fff; color: var(--ink); border: 2px solid var(--line); }
.level span { font-size: .85rem; color: var(--muted); }
.level[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
.level[aria-pressed="true"] span { color: #fff; }
.timer { font-size: 1.4rem; font-variant-numeric: tabular-nums; font-weight: 700; }
.progress { border-collapse: collapse; }
.progress th, .progress td { border: 1px solid var(--line); padding: .3rem .6rem; text-align: left; }
@media (max-width: 48rem) { .workspace { grid-template-columns: 1fr; } .code { font-size: 2rem; } .findings { border-left: none; border-top: 4px solid var(--line); padding: .75rem 0 0; } }
"""#
}
