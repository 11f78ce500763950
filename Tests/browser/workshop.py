#!/usr/bin/env python3
"""The workshop in real headless Chromium, driven by Selenium: a trainer creates a workshop,
three trainees join from three browser sessions, one fills the guided form from a template and
fixes the finding shown beside the objective, another pastes a mockup in the YAML view, a fourth
session of the first group saves on an old version and is refused with the message, the trainer
sees the three readiness bars; the server is killed with SIGKILL and every acknowledged version is
there after a restart; the export writes three YAML files that `atelier check` reads. axe-core
finds no serious or critical violation on any page. Screenshots (desktop and phone) are written
to the folder given with --screenshots.

    python3 Tests/browser/workshop.py .build/debug/atelier [--screenshots Exports]
"""
import json, os, signal, socket, subprocess, sys, tempfile, time, urllib.request
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BINARY = os.path.abspath(sys.argv[1])
SHOTS = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data, port):
    process = subprocess.Popen([BINARY, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data, "--lang", "fr"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except Exception:
            time.sleep(0.1)
    raise SystemExit("the server did not start:\n" + process.stdout.read().decode())


def browser(width=1280, height=1000):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}", "--lang=fr-FR"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(20)
    return driver


def wait(driver, condition, seconds=15, message="condition"):
    try:
        return WebDriverWait(driver, seconds).until(lambda d: condition(d))
    except Exception:
        check(False, f"timed out waiting for {message} on {driver.current_url}")
        return None


def accessible(driver, name):
    from axe_selenium_python import Axe
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [f"{v['id']} ({v['impact']}): {v['help']} — " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
           for v in results["violations"] if v["impact"] in ("serious", "critical")]
    check(not bad, f"{name}: axe-core violations: {bad}")


def shoot(driver, name):
    if not SHOTS:
        return
    for label, width in (("", 1280), ("-phone", 360)):
        driver.set_window_size(width, 1000)
        time.sleep(0.3)
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 3200)")
        driver.set_window_size(width, max(height, 700))
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(SHOTS, f"workshop-{name}{label}.png"))
    driver.set_window_size(1280, 1000)


def set_yaml(driver, text):
    driver.execute_script("const t = document.getElementById('yaml'); t.value = arguments[0]; t.dispatchEvent(new Event('input'));", text)


def join(base, code, name, group):
    driver = browser()
    driver.get(f"{base}/?code={code}")
    wait(driver, lambda d: len(Select(d.find_element(By.ID, "group")).options) == 3, message="the groups of the workshop")
    driver.find_element(By.ID, "name").send_keys(name)
    Select(driver.find_element(By.ID, "group")).select_by_visible_text(group)
    driver.find_element(By.CSS_SELECTOR, "#join-form button[type=submit]").click()
    wait(driver, lambda d: d.current_url.endswith("/edit"), message="the editor")
    wait(driver, lambda d: d.find_element(By.ID, "editor-title").text.endswith(group), message="the group's name")
    return driver


def saved(driver):
    return wait(driver, lambda d: d.find_element(By.ID, "save-status").text == "enregistré", message="« enregistré »")


def main():
    data = tempfile.mkdtemp(prefix="atelier-workshop-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(data, port)
    drivers = []
    try:
        trainer = browser(); drivers.append(trainer)
        trainer.get(f"{base}/trainer")
        accessible(trainer, "trainer (start)")
        shoot(trainer, "trainer-start")
        Select(trainer.find_element(By.ID, "language")).select_by_value("fr")
        trainer.find_element(By.ID, "title").send_keys("Formation médiation numérique")
        trainer.find_element(By.ID, "password").send_keys("formation2026")
        trainer.find_element(By.ID, "groups").send_keys("Les voix du quartier\nAbbaye en VR\nQuiz de la fête")
        trainer.find_element(By.CSS_SELECTOR, "#create-form button[type=submit]").click()
        code_node = wait(trainer, lambda d: d.find_element(By.ID, "join-code").text and d.find_element(By.ID, "join-code"), message="the join code")
        code = code_node.text
        check(len(code) == 6, f"a six-character join code, got {code!r}")

        joiner = browser(); drivers.append(joiner)
        joiner.get(f"{base}/?code={code}")
        wait(joiner, lambda d: len(Select(d.find_element(By.ID, "group")).options) == 3, message="groups")
        accessible(joiner, "join")
        shoot(joiner, "join")
        joiner.quit(); drivers.remove(joiner)

        # One member of the first group starts from a template and works in the guided form.
        amina = join(base, code, "Amina", "Les voix du quartier"); drivers.append(amina)
        wait(amina, lambda d: d.find_element(By.ID, "start").is_displayed(), message="the template choice")
        Select(amina.find_element(By.ID, "template")).select_by_value("podcast")
        amina.find_element(By.ID, "use-template").click()
        wait(amina, lambda d: "format:" in d.execute_script("return document.getElementById('yaml').value"), message="the template's text")
        amina.find_element(By.ID, "tab-yaml").click()
        amina.find_element(By.ID, "tab-form").click()
        objective = wait(amina, lambda d: d.find_element(By.ID, "f-objectives-0-text"), message="the objective field")
        finding = '[data-path="objectives[0].text"] .field-finding'
        wait(amina, lambda d: d.find_elements(By.CSS_SELECTOR, finding), message="a finding beside the objective")
        before = " ".join(node.text for node in amina.find_elements(By.CSS_SELECTOR, finding))
        shoot(amina, "editor-form")
        objective.clear()
        objective.send_keys("Réaliser un épisode de podcast de 5 minutes sur l'histoire de leur rue")
        wait(amina, lambda d: " ".join(n.text for n in d.find_elements(By.CSS_SELECTOR, finding)) != before, message="the finding to change once fixed")
        after = " ".join(node.text for node in amina.find_elements(By.CSS_SELECTOR, finding))
        check(before and before != after, f"the objective's finding changes once fixed: {before!r} → {after!r}")
        amina.find_element(By.ID, "save").click()
        saved(amina)
        accessible(amina, "editor (form)")

        # A member of the second group pastes a whole mockup in the YAML view.
        bruno = join(base, code, "Bruno", "Abbaye en VR"); drivers.append(bruno)
        bruno.find_element(By.ID, "tab-yaml").click()
        set_yaml(bruno, open(os.path.join(ROOT, "Examples", "vr-abbaye.yaml"), encoding="utf-8").read())
        wait(bruno, lambda d: d.find_element(By.ID, "readiness-value").text.startswith("9"), message="the readiness of a complete mockup")
        bruno.find_element(By.ID, "save").click()
        saved(bruno)
        shoot(bruno, "editor-yaml")
        accessible(bruno, "editor (YAML)")
        bruno.find_element(By.ID, "tab-preview").click()
        bruno.switch_to.frame(bruno.find_element(By.ID, "preview"))
        wait(bruno, lambda d: d.find_elements(By.TAG_NAME, "h1"), message="the project sheet in the preview")
        bruno.switch_to.default_content()

        # The third group.
        chloe = join(base, code, "Chloé", "Quiz de la fête"); drivers.append(chloe)
        chloe.find_element(By.ID, "tab-yaml").click()
        set_yaml(chloe, open(os.path.join(ROOT, "Examples", "quiz-fete-science.yaml"), encoding="utf-8").read())
        chloe.find_element(By.ID, "save").click()
        saved(chloe)

        # A second member of the first group opens the page, Amina saves again, then he saves on the old version.
        david = join(base, code, "David", "Les voix du quartier"); drivers.append(david)
        david.find_element(By.ID, "tab-yaml").click()
        amina.find_element(By.ID, "tab-yaml").click()
        set_yaml(amina, amina.execute_script("return document.getElementById('yaml').value") + "\n# relu par Amina\n")
        amina.find_element(By.ID, "save").click()
        saved(amina)
        set_yaml(david, david.execute_script("return document.getElementById('yaml').value") + "\n# ajout de David\n")
        david.find_element(By.ID, "save").click()
        conflict = wait(david, lambda d: d.find_element(By.ID, "conflict").is_displayed() and d.find_element(By.ID, "conflict-message"), message="the conflict")
        check(conflict is not None and "Amina a enregistré la version 2" in conflict.text, f"the refusal names who saved: {conflict.text if conflict else None!r}")
        shoot(david, "conflict")

        # The trainer sees the three groups' readiness.
        bars = wait(trainer, lambda d: [n for n in d.find_elements(By.CSS_SELECTOR, ".group .percent") if n.text.endswith("%")] if len(
            [n for n in d.find_elements(By.CSS_SELECTOR, ".group .percent") if n.text.endswith("%")]) == 3 else None, message="three readiness bars")
        check(bars is not None, "three readiness bars on the dashboard")
        accessible(trainer, "trainer (dashboard)")
        shoot(trainer, "dashboard")
        # The dashboard refreshes every 3 s: wait until it shows every acknowledged save.
        wait(trainer, lambda d: "version 2 par Amina" in d.find_element(By.CSS_SELECTOR, '.group[data-group="Les voix du quartier"] .status').text,
             message="Amina's second save on the dashboard")
        versions = {n.get_attribute("data-group"): n.find_element(By.CSS_SELECTOR, ".status").text for n in trainer.find_elements(By.CSS_SELECTOR, ".group")}

        # SIGKILL right after the acknowledged saves; every acknowledged version is there after a restart.
        server.send_signal(signal.SIGKILL)
        server.wait()
        server = start_server(data, port)
        trainer.refresh()
        wait(trainer, lambda d: len([n for n in d.find_elements(By.CSS_SELECTOR, ".group .percent") if n.text.endswith("%")]) == 3, message="the dashboard after restart")
        again = {n.get_attribute("data-group"): n.find_element(By.CSS_SELECTOR, ".status").text for n in trainer.find_elements(By.CSS_SELECTOR, ".group")}
        check(again == versions, f"every acknowledged version survives kill -9: {versions} → {again}")
        check("version 2 par Amina" in again.get("Les voix du quartier", ""), f"Amina's second save is there: {again}")

        # Day 2: a co-trainer joins; both grade from their own sessions, one group is left incomplete.
        trainer.find_element(By.ID, "cotrainer-name").send_keys("Karim")
        trainer.find_element(By.ID, "cotrainer-password").send_keys("karim-2026")
        trainer.find_element(By.CSS_SELECTOR, "#cotrainer-form button[type=submit]").click()
        wait(trainer, lambda d: "Karim" in d.find_element(By.ID, "cotrainers").text, message="the co-trainer listed")
        karim = browser(1024, 1300); drivers.append(karim)
        karim.get(f"{base}/trainer")
        karim.find_element(By.ID, "login-code").send_keys(code)
        karim.find_element(By.ID, "login-password").send_keys("karim-2026")
        karim.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
        wait(karim, lambda d: d.find_element(By.ID, "dashboard").is_displayed(), message="Karim's dashboard")
        trainer.set_window_size(1024, 1300)
        for grader, groups in ((trainer, 3), (karim, 2)):
            grader.get(f"{base}/grade")
            wait(grader, lambda d: len(Select(d.find_element(By.ID, "grade-group")).options) == 3, message="the groups to grade")
            for g in range(groups):
                Select(grader.find_element(By.ID, "grade-group")).select_by_index(g)
                criteria = grader.find_elements(By.CSS_SELECTOR, "#criteria fieldset.criterion")
                counted = [c for c in criteria if c.get_attribute("data-counted") == "true"]
                for i, criterion in enumerate(criteria):
                    if grader is trainer and g == 2 and criterion == counted[-1]:
                        continue
                    buttons = criterion.find_elements(By.CSS_SELECTOR, "button.level")
                    if not buttons:
                        continue
                    shift = 0 if grader is trainer else 1 + g
                    buttons[(i + g + shift) % len(buttons)].click()
                    wait(grader, lambda d: d.find_element(By.ID, "grade-status").text == "enregistré", message="the tap saved")
        shoot(karim, "grading-tablet")
        accessible(karim, "grading")

        # Four members rate their group once.
        for member in (amina, david, bruno, chloe):
            member.get(f"{base}/day2")
            inputs = wait(member, lambda d: d.find_elements(By.CSS_SELECTOR, "#peer-members input"), message="the peer form")
            for index, field in enumerate(inputs or []):
                field.send_keys(str(3 + index % 3))
            member.find_element(By.CSS_SELECTOR, "#peer-form button[type=submit]").click()
            wait(member, lambda d: not d.find_element(By.ID, "peer-form").is_displayed(), message="the ratings sent")
        accessible(amina, "day 2 (member)")

        # Results: the group graded by one trainer only and missing a criterion is incomplete; publish the first.
        trainer.find_element(By.ID, "compute").click()
        cards = wait(trainer, lambda d: d.find_elements(By.CSS_SELECTOR, "#publication .group") if len(d.find_elements(By.CSS_SELECTOR, "#publication .group")) == 3 else None,
                     message="the results of three groups")
        texts = {card.get_attribute("data-group"): card.text for card in cards or []}
        check("incomplet" in texts.get("Quiz de la fête", ""), f"the group with a blank criterion is « incomplet »: {texts}")
        check("/ 20" in texts.get("Les voix du quartier", ""), f"a mark out of 20 for the first group: {texts}")
        check("Karim" in trainer.find_element(By.ID, "summary").text, "the summary names each grader")
        shoot(trainer, "results")
        accessible(trainer, "results")
        trainer.find_element(By.CSS_SELECTOR, '#publication .group[data-group="Les voix du quartier"] button').click()
        wait(trainer, lambda d: "Retirer" in d.find_element(By.CSS_SELECTOR, '#publication .group[data-group="Les voix du quartier"] button').text,
             message="the publication")
        amina.refresh()
        wait(amina, lambda d: "Note du groupe" in d.find_element(By.ID, "result-mark").text, message="Amina's published result")
        check("Votre note individuelle" in amina.find_element(By.ID, "result-individual").text, "Amina reads her individual mark")
        check("David" not in amina.find_element(By.TAG_NAME, "main").text, "Amina never reads David's score or mark")
        shoot(amina, "member-results")
        chloe.refresh()
        wait(chloe, lambda d: "pas encore publiés" in d.find_element(By.ID, "result-mark").text, message="no result before publication")

        # The institution's view: an export uploaded for the second group gives its impact report.
        trainer.get(f"{base}/impact")
        wait(trainer, lambda d: len(Select(d.find_element(By.ID, "impact-group")).options) == 3, message="the groups on the impact page")
        Select(trainer.find_element(By.ID, "impact-group")).select_by_visible_text("Abbaye en VR")
        trainer.find_element(By.ID, "impact-file").send_keys(os.path.join(ROOT, "Examples", "surveys", "vr-abbaye-msforms.xlsx"))
        wait(trainer, lambda d: "vr-abbaye-msforms.xlsx" in d.find_element(By.ID, "impact-exports").text, message="the uploaded export listed")
        wait(trainer, lambda d: d.find_element(By.ID, "impact-report").is_displayed(), message="the impact report")
        trainer.switch_to.frame(trainer.find_element(By.ID, "impact-report"))
        wait(trainer, lambda d: d.find_elements(By.TAG_NAME, "svg"), message="the report's charts")
        trainer.switch_to.default_content()
        accessible(trainer, "impact")
        shoot(trainer, "impact")
        # The network: two sites' aggregate files, as `atelier impact --aggregate` writes them, merged.
        sites = tempfile.mkdtemp(prefix="atelier-sites-")
        for site in ("mediatheque", "centre-social"):
            made = subprocess.run([BINARY, "impact", os.path.join(ROOT, "Examples", "voix-du-quartier.yaml"), "--responses",
                                   os.path.join(ROOT, "Examples", "sites", "voix-du-quartier", site + ".csv"), "--aggregate", os.path.join(sites, site + ".json")],
                                  capture_output=True, text=True)
            check(made.returncode == 0, f"aggregate of {site}: {made.stderr}")
            trainer.find_element(By.ID, "network-file").send_keys(os.path.join(sites, site + ".json"))
            wait(trainer, lambda d: site + ".json" in d.find_element(By.ID, "network-files").text, message=f"{site} listed")
        wait(trainer, lambda d: d.find_element(By.ID, "network-report").is_displayed(), message="the network report")
        trainer.switch_to.frame(trainer.find_element(By.ID, "network-report"))
        wait(trainer, lambda d: "centre-social" in d.find_element(By.TAG_NAME, "body").text, message="each site in the network report")
        trainer.switch_to.default_content()

        # The export: three YAML files that `atelier check` reads.
        export = tempfile.mkdtemp(prefix="atelier-export-")
        done = subprocess.run([BINARY, "serve", "--data", data, "--export", export, "--code", code, "--lang", "fr"], capture_output=True, text=True)
        check(done.returncode == 0, f"export: {done.stdout} {done.stderr}")
        files = sorted(name for name in os.listdir(export) if name.endswith(".yaml"))
        check(len(files) == 3, f"three YAML files exported: {files}")
        checked = subprocess.run([BINARY, "check", "--format", "json", "--lang", "fr"] + [os.path.join(export, f) for f in files], capture_output=True, text=True)
        check(checked.returncode in (0, 1), f"atelier check reads the exported files: {checked.returncode} {checked.stderr}")
        report = json.loads(checked.stdout)
        check(all(not any(f["rule"].startswith("yaml-") for f in file["findings"]) for file in report["files"]), "no YAML problem in the exported files")
        abbaye = [f for f in report["files"] if "abbaye" in f["path"]][0]
        check(not any(f["severity"] == "error" for f in abbaye["findings"]), "the pasted mockup exports unchanged and checks clean")
    finally:
        for driver in drivers:
            driver.quit()
        server.kill()
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("workshop: trainer, three groups, form, YAML, conflict, kill -9, export — all as expected")


if __name__ == "__main__":
    main()
