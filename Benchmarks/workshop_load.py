#!/usr/bin/env python3
"""Load on `atelier serve`: 40 simulated trainees in 10 groups, each saving and checking its
group's mockup every 2 s for 60 s, on this machine, against a release build.

Usage: Benchmarks/workshop_load.py path/to/atelier [--seconds 60] [--trainees 40]

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
    ok = not errors and p99 <= 150 and peak <= 200
    print("  " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
