#!/usr/bin/env python3
"""Load on `atelier serve`: 40 simulated trainees in 10 groups, each saving and checking its
group's mockup every 2 s for 60 s, on this machine, against a release build.

Usage: Benchmarks/workshop_load.py path/to/atelier [--seconds 60] [--trainees 40]

Then day 2 (issue « Workshop mode II »): 3 trainers tapping a level every second and the 40
trainees submitting their peer ratings within the same minute: p99 under 150 ms, no error.

Targets (issue « Workshop mode I »): p99 of save-and-check (the PUT of the mockup, then the check
of the text) under 150 ms, no error (a 409 — someone of the group saved first — is an answer,
counted apart, and the next save starts from the version it names), peak memory of the server
under 200 MB (VmHWM).
"""
import http.client, json, os, socket, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1])
SECONDS = int(sys.argv[sys.argv.index("--seconds") + 1]) if "--seconds" in sys.argv else 60
TRAINEES = int(sys.argv[sys.argv.index("--trainees") + 1]) if "--trainees" in sys.argv else 40
GROUPS = max(1, TRAINEES // 4)
MOCKUP = open(os.path.join(ROOT, "Examples", "vr-abbaye.yaml"), encoding="utf-8").read()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.cookie = ""
        self.csrf = ""

    def send(self, method, path, body=None):
        headers = {"Content-Type": "application/json"}
        if self.cookie: headers["Cookie"] = self.cookie
        if self.csrf: headers["X-Atelier-CSRF"] = self.csrf
        self.connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie: self.cookie = cookie.split(";")[0]
        reply = json.loads(data) if data and response.getheader("Content-Type", "").startswith("application/json") else {}
        if isinstance(reply, dict) and "csrf" in reply: self.csrf = reply["csrf"]
        return response.status, reply


def main():
    data = tempfile.mkdtemp(prefix="atelier-load-")
    port = free_port()
    server = subprocess.Popen([BINARY, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close(); break
        except OSError:
            time.sleep(0.1)
    trainer = Client(port)
    status, created = trainer.send("POST", "/api/workshops", {"title": "Charge", "password": "secret123", "groups": [f"G{i}" for i in range(GROUPS)]})
    assert status == 201, created
    code = created["code"]
    latencies, errors, conflicts = [], [], [0]
    lock = threading.Lock()
    start = time.time() + 1

    def trainee(index):
        client = Client(port)
        status, reply = client.send("POST", "/api/join", {"code": code, "name": f"T{index}", "group": f"G{index % GROUPS}"})
        if status != 200:
            with lock: errors.append(f"join {status} {reply}")
            return
        client.send("GET", "/api/session")
        base = client.send("GET", "/api/mockup")[1].get("number", 0)
        time.sleep(max(0, start - time.time()) + (index % 20) * 0.1)
        edits = 0
        while time.time() < start + SECONDS:
            began = time.perf_counter()
            edits += 1
            text = MOCKUP + f"\n# modification {edits} de T{index}\n"
            try:
                status, reply = client.send("PUT", "/api/mockup", {"base": base, "yaml": text})
                checked, _ = client.send("POST", "/api/check", {"yaml": text})
            except Exception as error:
                with lock: errors.append(repr(error))
                client = Client(port)
                continue
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                latencies.append(elapsed)
                if status == 409:
                    conflicts[0] += 1
                    base = reply["latest"]["number"]
                elif status == 200:
                    base = reply["number"]
                else:
                    errors.append(f"save {status}")
                if checked != 200: errors.append(f"check {checked}")
            time.sleep(max(0, 2 - elapsed / 1000))

    threads = [threading.Thread(target=trainee, args=(i,)) for i in range(TRAINEES)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()

    # Day 2: three trainers tap every second while every trainee rates their group once.
    day2, day2_errors = [], []
    trainer_clients = [trainer]
    for name in ("Karim", "Lina"):
        trainer.send("POST", "/api/trainer/cotrainers", {"name": name, "password": f"{name.lower()}-2026"})
        other = Client(port)
        other.send("POST", "/api/trainer/login", {"code": code, "password": f"{name.lower()}-2026"})
        other.send("GET", "/api/session")
        trainer_clients.append(other)
    trainer.send("GET", "/api/session")
    grading = trainer.send("GET", "/api/grading")[1]
    criteria = [c for c in grading["rubric"]["criteria"] if not c["automatic"]]
    groups = [g["id"] for g in grading["groups"]]
    day2_start = time.time()

    def tapper(index, client):
        taps = 0
        while time.time() < day2_start + SECONDS:
            criterion = criteria[taps % len(criteria)]
            began = time.perf_counter()
            try:
                status, _ = client.send("PUT", "/api/grading/scores", {"group": groups[(taps // len(criteria)) % len(groups)],
                                                                         "criterion": criterion["id"], "level": (taps + index) % len(criterion["levels"])})
            except Exception as error:
                status = repr(error)
            with lock:
                day2.append((time.perf_counter() - began) * 1000)
                if status != 200: day2_errors.append(f"tap {status}")
            taps += 1
            time.sleep(max(0, 1 - (time.perf_counter() - began)))

    def rater(index):
        time.sleep(index * SECONDS / max(TRAINEES, 1) / 2)
        client = Client(port)
        client.send("POST", "/api/join", {"code": code, "name": f"T{index}", "group": f"G{index % GROUPS}"})
        client.send("GET", "/api/session")
        members = client.send("GET", "/api/peer")[1]["members"]
        began = time.perf_counter()
        status, reply = client.send("POST", "/api/peer", {"marks": [{"receiver": member, "mark": 3} for member in members]})
        with lock:
            day2.append((time.perf_counter() - began) * 1000)
            if status != 201: day2_errors.append(f"peer {status} {reply}")

    day2_threads = [threading.Thread(target=tapper, args=(i, c)) for i, c in enumerate(trainer_clients)] + [threading.Thread(target=rater, args=(i,)) for i in range(TRAINEES)]
    for thread in day2_threads: thread.start()
    for thread in day2_threads: thread.join()
    with open(f"/proc/{server.pid}/status") as status_file:
        peak = next(int(line.split()[1]) for line in status_file if line.startswith("VmHWM")) / 1024
    server.terminate(); server.wait()
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("nan")
    print(f"workshop load: {TRAINEES} trainees in {GROUPS} groups, save and check every 2 s for {SECONDS} s on {os.cpu_count()} cores")
    print(f"  {len(latencies)} save-and-checks, {conflicts[0]} refused as conflicts (409), {len(errors)} errors")
    print(f"  latency ms: median {statistics.median(latencies):.1f}, p99 {p99:.1f}, max {latencies[-1]:.1f}   target p99 <= 150")
    print(f"  server peak memory: {peak:.0f} MB   target <= 200")
    if errors: print("  errors:", errors[:5])
    day2.sort()
    day2_p99 = day2[int(len(day2) * 0.99) - 1] if day2 else float("nan")
    print(f"workshop day 2: 3 trainers tapping every second and {TRAINEES} peer submissions in {SECONDS} s")
    print(f"  {len(day2)} requests, {len(day2_errors)} errors; latency ms: median {statistics.median(day2):.1f}, p99 {day2_p99:.1f}   target p99 <= 150")
    if day2_errors: print("  errors:", day2_errors[:5])
    ok = not errors and p99 <= 150 and peak <= 200 and not day2_errors and day2_p99 <= 150
    print("  " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
